using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// Gives free seats to the waitlist in order of arrival. Call while holding the event's lock.
/// A seat freed by a cancellation is offered (claim within <see cref="RegistrationOptions.OfferHours"/>);
/// seats added by an editor raising the capacity are given straight away.
/// </summary>
public sealed class WaitlistSeats(RegistrationMails mails, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    public async Task<int> FillAsync(KnowledgeDbContext db, Guid eventKey, EventContent e, bool offer, CancellationToken ct)
    {
        if (e.Cancelled || e.Start <= clock.GetUtcNow())
        {
            return 0;
        }

        var capacity = RegistrationData.CapacityOf(e);
        var taken = await db.Registrations().CountAsync(r => r.EventKey == eventKey
            && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Offered || r.Status == RegistrationStatus.Attended), ct);
        var free = capacity is null ? int.MaxValue : capacity.Value - taken;
        if (free <= 0)
        {
            return 0;
        }

        var next = await db.Registrations().Where(r => r.EventKey == eventKey && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Id).Take(Math.Min(free, 10_000)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in next)
        {
            r.UpdatedUtc = now;
            if (offer)
            {
                r.Status = RegistrationStatus.Offered;
                r.OfferExpiresUtc = now.AddHours(options.Value.OfferHours);
                mails.Offered(db, r, e);
            }
            else
            {
                Confirm(db, r, eventKey, e, now);
            }
        }

        await db.SaveChangesAsync(ct);
        return next.Count;
    }

    /// <summary>A seat for this person, with a calendar invitation.</summary>
    public void Confirm(KnowledgeDbContext db, EventRegistration r, Guid eventKey, EventContent e, DateTime now)
    {
        r.Status = RegistrationStatus.Confirmed;
        r.OfferExpiresUtc = null;
        r.UpdatedUtc = now;
        mails.Confirmed(db, r, eventKey, e);
    }
}
