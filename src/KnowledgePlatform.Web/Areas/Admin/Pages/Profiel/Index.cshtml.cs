using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Profiel;

/// <summary>The signed-in user's own account: password and two-factor authentication.</summary>
public sealed class IndexModel(SignInManager<AppUser> signIn, KnowledgeDbContext db) : PageModel
{
    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        var result = await signIn.UserManager.ChangePasswordAsync(user, Current, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(NewPassword), error.Description);
            }

            return Page();
        }

        // The new security stamp ended every session; this one continues with a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        AuditLog.Record(db, user.Email ?? user.Id.ToString(), "user.change-password", "user", user.Id.ToString(), null, null);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Uw wachtwoord is gewijzigd. Andere sessies zijn beëindigd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await signIn.UserManager.SetTwoFactorEnabledAsync(user, false);
        await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        AuditLog.Record(db, user.Email ?? user.Id.ToString(), "user.2fa-disable", "user", user.Id.ToString(), new { twoFactor = true }, new { twoFactor = false });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Tweestapsverificatie staat uit.";
        return RedirectToPage();
    }
}
