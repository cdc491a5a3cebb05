using System.Globalization;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>
/// The latest version of an issue as a chosen subscriber would receive it: the HTML mail in a
/// sandboxed iframe (handler Html: its own no-store response, no scripts) and the text version.
/// </summary>
public sealed class VoorbeeldModel(KnowledgeDbContext db, IssuePreviews previews, IAuthorizationService authorization) : PageModel
{
    /// <summary>A subscriber's number or address; empty: a reader who gets everything.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Abonnee { get; set; }

    public Guid Key { get; private set; }
    public NewsletterIssueContent Issue { get; private set; } = null!;
    public Subscriber? Reader { get; private set; }
    public bool ReaderNotFound { get; private set; }
    public IssuePreview Preview { get; private set; } = null!;
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        CanPublish = (await authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded;
        ViewData["Title"] = $"Voorbeeld: {Issue.Title}";
        return Page();
    }

    public async Task<IActionResult> OnGetHtmlAsync(Guid key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        // Shown inside an iframe with sandbox=""; this header keeps it inert when opened on its own, too.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
        return Content(Preview.Html, "text/html; charset=utf-8");
    }

    private async Task<bool> LoadAsync(Guid key, CancellationToken ct)
    {
        if (await previews.LatestAsync(key, ct) is not var (_, issue))
        {
            return false;
        }

        (Key, Issue) = (key, issue);
        var wanted = Abonnee?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            var lower = (MailboxAddress.Normalize(wanted) ?? wanted).ToLowerInvariant();
            var id = long.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
            Reader = await db.Set<Subscriber>().AsNoTracking()
                .Where(s => s.Status != SubscriberStatus.Erased && (s.Id == id || s.Email.ToLower() == lower)).FirstOrDefaultAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
            ReaderNotFound = Reader is null;
        }

        Preview = await previews.RenderAsync(issue, Reader, ct);
        return true;
    }
}
