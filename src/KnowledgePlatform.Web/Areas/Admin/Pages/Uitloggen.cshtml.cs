using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages;

/// <summary>
/// Signing out ends the session on the server too: the security stamp changes, so a copy of the
/// cookie (another tab, another device, a stolen one) is refused on its next request.
/// </summary>
public sealed class UitloggenModel(SignInManager<AppUser> signIn, KnowledgeDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            AuditLog.Record(db, user.Email ?? user.Id.ToString(), "user.logout", "user", user.Id.ToString(), null, null);
            await db.SaveChangesAsync(ct);
        }

        await signIn.SignOutAsync();
        TempData["Message"] = "U bent uitgelogd.";
        return RedirectToPage("/Inloggen");
    }
}
