using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>
/// Test mail, send now (after a confirmation showing the audience), schedule, pause, resume,
/// cancel, and the live progress of the send (handler Voortgang: JSON for the page's script; without
/// JavaScript the page shows the same figures on every reload). Editors only (Publish).
/// </summary>
[Authorize(Policy = Policies.Publish)]
public sealed partial class VerzendenModel(KnowledgeDbContext db, IssuePreviews previews, IssueOverview overview, SendProgress progress,
    AudienceCount audience, SendTestIssue.Handler tester, SendControl control, Workflow workflow, PrepareSend.Handler prepare,
    UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public Guid Key { get; private set; }
    public ContentItem Item { get; private set; } = null!;
    public NewsletterIssueContent Issue { get; private set; } = null!;
    public SendStatus? Status { get; private set; }
    public NewsletterSend? Send { get; private set; }
    public int Audience { get; private set; }
    public bool Confirming { get; private set; }
    public bool CanStart { get; private set; }
    public IReadOnlyList<MailLedgerEntry> Problems { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Time { get; set; }

    private string Editor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct) => await ShowAsync(key, ct);

    public async Task<IActionResult> OnGetVoortgangAsync(Guid key, CancellationToken ct) =>
        await overview.LatestSendAsync(key, ct) is { } send && await progress.ForAsync(send.Id, ct) is { } status
            ? new JsonResult(ProgressView.From(status))
            : NotFound();

    public async Task<IActionResult> OnPostTestAsync(Guid key, long? abonnee, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.Email is not { } email)
        {
            return Forbid();
        }

        var outcome = await tester.HandleAsync(new SendTestIssue.Command(key, abonnee, email, HttpContext.Connection.RemoteIpAddress), ct);
        if (outcome == SendTestIssue.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = outcome == SendTestIssue.Outcome.Queued
            ? $"De testmail is onderweg naar {email}."
            : "U heeft vandaag al het maximum aantal testmails verstuurd; er is geen testmail verstuurd. Probeer het morgen opnieuw of bekijk het voorbeeld.";
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid key, CancellationToken ct)
    {
        Confirming = true;
        return await ShowAsync(key, ct);
    }

    public Task<IActionResult> OnPostSendAsync(Guid key, CancellationToken ct) => StartAsync(key, null, ct);

    public Task<IActionResult> OnPostScheduleAsync(Guid key, CancellationToken ct)
    {
        if (Date is not { } date || Time is not { } time)
        {
            Error = "Vul een datum én een tijd in om in te plannen.";
            return ShowAsync(key, ct);
        }

        var at = ContentFormMapping.At(date, time).UtcDateTime;
        if (at <= clock.GetUtcNow().UtcDateTime.AddMinutes(1))
        {
            Error = "Kies een moment in de toekomst (Nederlandse tijd), of verstuur nu.";
            return ShowAsync(key, ct);
        }

        return StartAsync(key, at, ct);
    }

    public Task<IActionResult> OnPostPauseAsync(Guid key, long send, CancellationToken ct) =>
        ControlAsync(key, send, "newsletter.pause", () => control.PauseAsync(send, $"Gepauzeerd door {Editor}.", ct), "De verzending is gepauzeerd.", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid key, long send, CancellationToken ct) =>
        ControlAsync(key, send, "newsletter.resume", () => control.ResumeAsync(send, ct), "De verzending gaat verder.", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid key, long send, bool zeker, CancellationToken ct)
    {
        if (!zeker)
        {
            TempData["Message"] = "Vink ‘Ja, annuleren’ aan om de verzending te annuleren. Er is niets veranderd.";
            return Task.FromResult<IActionResult>(RedirectToPage(new { key }));
        }

        return ControlAsync(key, send, "newsletter.cancel", () => control.CancelAsync(send, ct), "De verzending is geannuleerd; wat nog niet weg was, gaat niet meer.", ct);
    }

    private async Task<IActionResult> StartAsync(Guid key, DateTime? scheduledUtc, CancellationToken ct)
    {
        try
        {
            var send = await StartSend.RunAsync(db, clock, workflow, prepare, overview, key, Version ?? -1, scheduledUtc, Editor, ct);
            TempData["Message"] = send.Recipients == 0 ? "Er is niemand die deze nieuwsbrief krijgt; er is niets verstuurd."
                : scheduledUtc is { } at ? $"Ingepland voor {Infrastructure.DutchTime.ToAmsterdam(at).ToString("d MMMM yyyy 'om' HH:mm", Infrastructure.DutchTime.Culture)}, aan {send.Recipients} abonnees."
                : $"De nieuwsbrief gaat nu naar {send.Recipients} abonnees.";
            return RedirectToPage(new { key });
        }
        catch (ContentNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex)
        {
            db.ChangeTracker.Clear();
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            return await ShowAsync(key, ct);
        }
    }

    private async Task<IActionResult> ControlAsync(Guid key, long sendId, string action, Func<Task<bool>> change, string done, CancellationToken ct)
    {
        if (await db.Set<NewsletterSend>().AsNoTracking().AnyAsync(s => s.Id == sendId && s.IssueKey == key, ct) is false)
        {
            return NotFound();
        }

        bool changed;
        try
        {
            changed = await db.InTransactionAsync(async () =>
            {
                var ok = await change();
                if (ok)
                {
                    AuditLog.Record(db, Editor, action, "newsletter", key.ToString(), null, new { sendId });
                    await db.SaveChangesAsync(ct);
                }

                return ok;
            }, ct);
        }
        catch (ValidationFailedException ex)
        {
            // Resuming a scheduled send early publishes its issue, which can fail (its address is taken meanwhile).
            db.ChangeTracker.Clear();
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            return await ShowAsync(key, ct);
        }

        TempData["Message"] = changed ? done : "Dat kan niet (meer) in deze fase van de verzending.";
        return RedirectToPage(new { key });
    }
}
