using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// What the dispatcher learns, applied to subscribers and sends: permanent failures count towards a
/// subscriber's bounce status (three make them Bounced); an unreachable relay pauses the send with
/// a reason the editor sees, instead of burning through the list.
/// </summary>
public sealed class NewsletterOutcomes(KnowledgeDbContext db, SendControl control, TimeProvider clock) : IMailOutcomeObserver
{
    public const int BouncesBeforeStop = 3;

    public async Task PermanentFailuresAsync(IReadOnlyList<(ClaimedMail Row, string Reply)> failures, CancellationToken ct)
    {
        var now = NewsletterClock.Now(clock);
        foreach (var (row, reply) in failures.Where(f => f.Row.Kind.StartsWith("newsletter.", StringComparison.Ordinal)))
        {
            var subscriber = row.RecipientRef is { } id
                ? await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == id, ct)
                : await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Email == row.ToAddress, ct);
            if (subscriber is null)
            {
                continue;
            }

            subscriber.BounceCount++;
            subscriber.LastBounce = reply.Length > 500 ? reply[..500] : reply;
            if (subscriber.BounceCount >= BouncesBeforeStop && subscriber.Status == SubscriberStatus.Active)
            {
                subscriber.Status = SubscriberStatus.Bounced;
                Consent.Record(db, subscriber, "bounced", "mailserver", "", null, now);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task TransportDownAsync(IReadOnlyCollection<long> groupIds, string reason, CancellationToken ct)
    {
        foreach (var id in groupIds)
        {
            await control.PauseForRelayAsync(id,
                $"Gepauzeerd: de mailserver is niet bereikbaar. De verzending gaat vanzelf verder zodra de server weer antwoordt. (Melding van de server: {Trim(reason)})", ct);
        }
    }

    private static string Trim(string text) => text.Length > 250 ? text[..250] : text;
}
