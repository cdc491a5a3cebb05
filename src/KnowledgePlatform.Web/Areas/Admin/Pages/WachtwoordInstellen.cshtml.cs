using System.ComponentModel.DataAnnotations;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages;

/// <summary>Where an invitation or the first administrator's one-time link leads: set a password, once.</summary>
public sealed class WachtwoordInstellenModel(UserManager<AppUser> users, AccountTokens tokens, KnowledgeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord.")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Herhaal het wachtwoord."), Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string Confirm { get; set; } = "";

    public bool LinkIsValid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => LinkIsValid = await tokens.FindValidAsync(Token, ct) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var token = await tokens.FindValidAsync(Token, ct);
        LinkIsValid = token is not null;
        if (token is null || !ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || user.DeactivatedUtc is not null)
        {
            LinkIsValid = false;
            return Page();
        }

        // Checked before the link is used up, so a refused password leaves the link usable.
        var validation = await ValidateAsync(user);
        validation.ForEach(e => ModelState.AddModelError(nameof(Password), e));
        if (validation.Count > 0 || !await db.InTransactionAsync(() => SetAsync(user, token, ct), ct))
        {
            return Page();
        }

        TempData["Message"] = "Uw wachtwoord is ingesteld. U kunt nu inloggen.";
        return RedirectToPage("/Inloggen");
    }

    private async Task<bool> SetAsync(AppUser user, AccountToken token, CancellationToken ct)
    {
        if (!await tokens.ConsumeAsync(token, ct))
        {
            LinkIsValid = false;
            return false;
        }

        // Also ends any session of this account: setting a password changes the security stamp.
        _ = await users.HasPasswordAsync(user) ? await users.RemovePasswordAsync(user) : IdentityResult.Success;
        var result = await users.AddPasswordAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        AuditLog.Record(db, user.Email ?? user.Id.ToString(), "user.set-password", "user", user.Id.ToString(), null, new { via = "link" });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<List<string>> ValidateAsync(AppUser user)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }
}
