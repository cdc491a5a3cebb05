using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief.Abonnees;

/// <summary>One subscriber: preferences, bounce status, consent history, recent mails; recording a complaint; the GDPR export and erasure.</summary>
[Authorize(Policy = Policies.Publish)]
public sealed class AbonneeModel(KnowledgeDbContext db, NewsletterTopics topics, ExportPersonalData export, ErasePersonalData.Handler erase, RecordComplaint complaints) : PageModel
{
    public Subscriber Subscriber { get; private set; } = null!;
    public IReadOnlyList<Topic> Topics { get; private set; } = [];
    public IReadOnlyList<ConsentRecord> Consent { get; private set; } = [];
    public IReadOnlyList<MailLedgerEntry> Mails { get; private set; } = [];
    public string? EraseError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) && Subscriber.Status != SubscriberStatus.Erased ? await PersonalDataActions.ExportAsync(this, db, export, Subscriber.Email, ct) : NotFound();

    public async Task<IActionResult> OnPostEraseAsync(long id, bool zeker, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Subscriber.Status == SubscriberStatus.Erased)
        {
            return NotFound();
        }

        if (!zeker)
        {
            EraseError = "Vink aan dat u begrijpt dat wissen niet ongedaan kan worden gemaakt.";
            return Page();
        }

        await PersonalDataActions.EraseAsync(this, erase, Subscriber.Email, ct);
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostComplaintAsync(long id, CancellationToken ct) =>
        await complaints.ByEditorAsync(id, User.Identity!.Name!, ct) ? RedirectToPage(new { id }) : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var subscriber = await db.Set<Subscriber>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return false;
        }

        Subscriber = subscriber;
        Topics = await topics.AllAsync(ct);
        Consent = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.SubscriberId == id).OrderByDescending(c => c.Id).ToListAsync(ct);
        var lower = subscriber.Email.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
        Mails = await db.Set<MailLedgerEntry>().AsNoTracking()
            .Where(m => (m.RecipientRef == id && m.Kind == PrepareSend.Kind) || m.ToAddress.ToLower() == lower)
            .OrderByDescending(m => m.Id).Take(50).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        ViewData["Title"] = subscriber.Status == SubscriberStatus.Erased ? "Gewiste abonnee" : $"Abonnee {subscriber.Email}";
        return true;
    }
}
