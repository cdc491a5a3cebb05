using System.ComponentModel.DataAnnotations;
using KnowledgePlatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Gebruikers;

[Authorize(Policy = Policies.Administer)]
public sealed class UitnodigenModel(InviteUser.Handler invite) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul een e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string Email { get; set; } = "";

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string Role { get; set; } = Roles.Auteur;

    public Uri? Link { get; private set; }
    public bool Mailed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await invite.HandleAsync(new(Email, DisplayName ?? "", Role, User.Identity?.Name ?? "?"), ct);
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        (Link, Mailed) = (result.Link, result.Mailed);
        return Page();
    }
}
