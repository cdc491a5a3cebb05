using System.Net;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The click on the confirmation link (a POST from the page it opens, so link scanners confirm nothing).</summary>
public static class ConfirmSubscription
{
    public sealed record Command(string Token, IPAddress? Ip);

    public sealed class Handler(KnowledgeDbContext db, NewsletterSecrets secrets, TimeProvider clock)
    {
        /// <summary>False for an unknown, used or expired token.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken ct)
        {
            var now = NewsletterClock.Now(clock);
            var hash = NewsletterSecrets.TokenHash(command.Token);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash, ct);
            if (subscriber is null || subscriber.ConfirmationExpiresUtc < now)
            {
                return false;
            }

            subscriber.Status = SubscriberStatus.Active;
            subscriber.ConfirmedUtc = now;
            subscriber.UpdatedUtc = now;
            subscriber.ConfirmationTokenHash = null;
            subscriber.ConfirmationExpiresUtc = null;
            subscriber.BounceCount = 0;
            Consent.Record(db, subscriber, "confirmed", "confirmation-link", Subscribe.ConsentText, command.Ip, now);
            // They asked for it themselves, twice: an earlier erasure no longer applies.
            var suppressed = await secrets.AddressHashAsync(subscriber.Email, ct);
            await db.Set<SuppressedAddress>().Where(s => s.Hash == suppressed).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
    }
}
