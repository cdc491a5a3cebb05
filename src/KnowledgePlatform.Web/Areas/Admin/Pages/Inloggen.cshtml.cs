using System.ComponentModel.DataAnnotations;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages;

public sealed class InloggenModel(SignInManager<AppUser> signIn, KnowledgeDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul uw e-mailadres in.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vul uw wachtwoord in.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var result = user is null || user.DeactivatedUtc is not null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Tweestaps", new { ReturnUrl = SafeReturnUrl.Or(ReturnUrl) });
        }

        AuditLog.Record(db, user?.Email ?? Email.Trim(), result.Succeeded ? "user.login" : "user.login-failed", "user", user?.Id.ToString(),
            null, new { ip = HttpContext.Connection.RemoteIpAddress?.ToString(), lockedOut = result.IsLockedOut });
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl.Or(ReturnUrl));
        }

        // One message for every failure, so the form does not reveal which addresses have an account.
        ModelState.AddModelError("", result.IsLockedOut
            ? "Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw."
            : "Het e-mailadres of wachtwoord klopt niet.");
        return Page();
    }
}
