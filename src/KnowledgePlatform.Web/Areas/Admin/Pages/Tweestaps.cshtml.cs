using System.ComponentModel.DataAnnotations;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages;

/// <summary>The second step for accounts with two-factor authentication: a TOTP code or a recovery code.</summary>
public sealed class TweestapsModel(SignInManager<AppUser> signIn, KnowledgeDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul de code in.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Inloggen") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Inloggen");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = new string([.. Code.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        AuditLog.Record(db, user.Email ?? user.Id.ToString(), result.Succeeded ? "user.login" : "user.login-failed", "user", user.Id.ToString(),
            null, new { ip = HttpContext.Connection.RemoteIpAddress?.ToString(), step = "two-factor", lockedOut = result.IsLockedOut });
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl.Or(ReturnUrl));
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw."
            : "Deze code klopt niet. Let op: een code is maar 30 seconden geldig.");
        return Page();
    }
}
