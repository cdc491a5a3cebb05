using KnowledgePlatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Gebruikers;

[Authorize(Policy = Policies.Administer)]
public sealed class BewerkenModel(UserManager<AppUser> users, ChangeUser.Handler change) : PageModel
{
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Auteur;
    [BindProperty] public bool Active { get; set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        (Email, DisplayName, Active) = (user.Email, user.DisplayName, user.DeactivatedUtc is null);
        Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Auteur;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var error = await change.HandleAsync(new(id, DisplayName, Role, Active, User.Identity?.Name ?? "?"), ct);
        if (error is null)
        {
            TempData["Message"] = "De gebruiker is opgeslagen.";
            return RedirectToPage("Index");
        }

        ModelState.AddModelError("", error);
        Email = (await users.FindByIdAsync(id.ToString()))?.Email;
        return Page();
    }
}
