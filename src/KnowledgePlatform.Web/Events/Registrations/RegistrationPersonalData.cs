using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>One registration in a person's data export.</summary>
public sealed record RegistrationExport(
    Guid EventKey, string EventTitle, DateTime? EventStartUtc, string Name, string Email, string Status, RegistrationAnswers Answers, DateTime CreatedUtc);

/// <summary>
/// For the subscriber/person export and erasure (called by the newsletter module): everything
/// registrations hold about one address, and removing it. Erasure anonymises the rows (counts stay
/// true), frees seats of events still to come for the waitlist, and notes it in the audit trail.
/// </summary>
public sealed class RegistrationPersonalData(KnowledgeDbContext db, TimeProvider clock, WaitlistSeats seats)
{
    public async Task<IReadOnlyList<RegistrationExport>> ExportAsync(string email, CancellationToken ct)
    {
        var address = email.Trim().ToLowerInvariant();
        var rows = await db.Registrations().AsNoTracking().Where(r => r.Email == address && r.AnonymisedUtc == null)
            .Join(db.ContentItems, r => r.EventKey, i => i.Key, (r, i) => new { r, Title = i.LiveTitle ?? i.Slug, i.LiveDateUtc })
            .OrderBy(x => x.r.Id).ToListAsync(ct);
        return [.. rows.Select(x => new RegistrationExport(x.r.EventKey, x.Title, x.LiveDateUtc, x.r.Name, x.r.Email,
            x.r.Status.ToString(), RegistrationAnswers.FromJson(x.r.Answers), x.r.CreatedUtc))];
    }

    /// <summary>Anonymises every registration of this address; returns how many.</summary>
    public async Task<int> EraseAsync(string email, string actor, CancellationToken ct)
    {
        var address = email.Trim().ToLowerInvariant();
        var events = await db.Registrations().Where(r => r.Email == address && r.AnonymisedUtc == null).Select(r => r.EventKey).Distinct().ToListAsync(ct);
        var erased = 0;
        foreach (var key in events)
        {
            erased += await EventLock.WithLockAsync(db, key, async _ =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var rows = await db.Registrations().Where(r => r.EventKey == key && r.Email == address && r.AnonymisedUtc == null).ToListAsync(ct);
                var live = await db.LiveEventAsync(key, ct);
                var upcoming = live is var (_, e) && e.Start > clock.GetUtcNow();
                foreach (var r in rows)
                {
                    if (upcoming && r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Offered or RegistrationStatus.Waitlisted)
                    {
                        r.Status = RegistrationStatus.Cancelled;
                    }

                    RegistrationJobs.Anonymise(r, now);
                }

                RegistrationAudit.Record(db, actor, "registrations.erased", key, new { registrations = rows.Count });
                await db.SaveChangesAsync(ct);
                if (upcoming && live is var (_, body))
                {
                    await seats.FillAsync(db, key, body, offer: true, ct);
                }

                return rows.Count;
            }, ct);
        }

        return erased;
    }
}
