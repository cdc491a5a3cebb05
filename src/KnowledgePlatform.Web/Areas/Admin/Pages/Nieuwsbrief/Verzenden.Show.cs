using System.Globalization;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>What the send page shows: the issue, its latest send with live figures, and the rows an editor must look at.</summary>
public sealed partial class VerzendenModel
{
    private async Task<IActionResult> ShowAsync(Guid key, CancellationToken ct)
    {
        if (await previews.LatestAsync(key, ct) is not var (item, issue))
        {
            return NotFound();
        }

        (Key, Item, Issue) = (key, item, issue);
        Send = await overview.LatestSendAsync(key, ct);
        Status = Send is null ? null : await progress.ForAsync(Send.Id, ct);
        CanStart = Send is null || (Send.State == SendState.Cancelled && Status is { Sent: 0, Failed: 0, Uncertain: 0 });
        Audience = CanStart ? await audience.CountAsync(issue, ct) : 0;
        if (Send is not null)
        {
            // Uncertain rows are never resent by the system: the editor sees who they are, with failures beside them.
            Problems = await db.Set<MailLedgerEntry>().AsNoTracking()
                .Where(m => m.GroupId == Send.Id && (m.State == MailState.Uncertain || m.State == MailState.Failed))
                .OrderBy(m => m.State).ThenBy(m => m.Id).Take(200).ToListAsync(ct);
        }

        ViewData["Title"] = $"Verzenden: {issue.Title}";
        return Page();
    }

    /// <summary>The progress figures as the page shows them, for the script that refreshes them.</summary>
    public sealed record ProgressView(string State, string StateLabel, bool Done, int Recipients, int Sent, int Failed, int Uncertain, int Skipped,
        int Cancelled, int Remaining, string Rate, string TimeLeft, string? PauseReason)
    {
        public static ProgressView From(SendStatus s) => new(s.State.ToString(), LabelOf(s.State), s.State is SendState.Completed or SendState.Cancelled,
            s.Recipients, s.Sent, s.Failed, s.Uncertain, s.Skipped, s.Cancelled, s.Remaining,
            s.PerSecond.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL")) + " per seconde", TimeLeftText(s), s.PauseReason);

        public static string LabelOf(SendState state) => state switch
        {
            SendState.Scheduled => "ingepland",
            SendState.Sending => "wordt verstuurd",
            SendState.Paused => "gepauzeerd",
            SendState.Completed => "klaar: elke mail is verstuurd, mislukt, onzeker of overgeslagen",
            SendState.Cancelled => "geannuleerd",
            _ => state.ToString(),
        };

        private static string TimeLeftText(SendStatus s) =>
            s.Remaining == 0 ? "–"
            : s.TimeLeft is not { } left ? "nog niet te schatten"
            : left.TotalMinutes >= 1 ? $"ongeveer {Math.Ceiling(left.TotalMinutes):0} min"
            : $"ongeveer {Math.Ceiling(left.TotalSeconds):0} s";
    }
}
