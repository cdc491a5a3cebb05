using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Profiel;

/// <summary>TOTP set-up (RFC 6238 through Identity's authenticator provider): key and otpauth URI, then a code to prove it works.</summary>
public sealed class TweestapsModel(SignInManager<AppUser> signIn, KnowledgeDbContext db) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    private UserManager<AppUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = new string([.. Code.Where(char.IsAsciiDigit)]);
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer de volgende code.");
            await LoadKeyAsync(user);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        AuditLog.Record(db, user.Email ?? user.Id.ToString(), "user.2fa-enable", "user", user.Id.ToString(), new { twoFactor = false }, new { twoFactor = true });
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // resetting the key changed the security stamp
            key = await Users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString("Kennisplatform beheer");
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
    }
}
