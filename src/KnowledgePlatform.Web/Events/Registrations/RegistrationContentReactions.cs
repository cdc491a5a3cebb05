using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// Reacts to "content.published": an event whose time, place, online link or cancellation changed
/// sends every confirmed registrant an updated (or cancelled) invitation; a raised capacity gives
/// seats to the waitlist; a published meeting report tells the event's registrants "het verslag is
/// online". Idempotent: the event's details are compared with what was last sent (under its lock),
/// and mails carry dedupe keys, so a retried or republished message sends nothing twice.
/// </summary>
internal sealed class RegistrationContentReactions(IServiceScopeFactory scopes) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Kind != PublishContent.OutboxKind || message.ContentKey is not { } key)
        {
            return;
        }

        // Its own scope: nothing this handler tracks may be saved by the processor's context.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var type = await db.ContentItems.Where(i => i.Key == key).Select(i => (ContentType?)i.Type).SingleOrDefaultAsync(ct);
        if (type is ContentType.Event or ContentType.Workshop)
        {
            await EventChangedAsync(scope.ServiceProvider, db, key, ct);
        }
        else if (type == ContentType.MeetingReport)
        {
            await ReportPublishedAsync(scope.ServiceProvider, db, key, ct);
        }
    }

    private static async Task EventChangedAsync(IServiceProvider sp, KnowledgeDbContext db, Guid key, CancellationToken ct)
    {
        if (await db.LiveEventAsync(key, ct) is not var (_, e))
        {
            return;
        }

        var mails = sp.GetRequiredService<RegistrationMails>();
        var seats = sp.GetRequiredService<WaitlistSeats>();
        await EventLock.WithLockAsync(db, key, async row =>
        {
            var fingerprint = EventDetails.Fingerprint(e);
            var capacity = RegistrationData.CapacityOf(e);
            var firstSight = row.DetailsFingerprint is null;
            if (!firstSight && row.DetailsFingerprint != fingerprint)
            {
                foreach (var r in await db.Registrations().Where(r => r.EventKey == key && r.Status == RegistrationStatus.Confirmed).ToListAsync(ct))
                {
                    if (e.Cancelled)
                    {
                        mails.Cancelled(db, r, key, e, byRegistrant: false);
                    }
                    else
                    {
                        mails.Updated(db, r, key, e);
                    }
                }
            }

            var raised = !firstSight && capacity != row.Capacity && (capacity is null || (row.Capacity is { } old && capacity > old));
            row.DetailsFingerprint = fingerprint;
            row.Capacity = capacity;
            await db.SaveChangesAsync(ct);
            if (raised)
            {
                await seats.FillAsync(db, key, e, offer: false, ct);
            }

            return true;
        }, ct);
    }

    private static async Task ReportPublishedAsync(IServiceProvider sp, KnowledgeDbContext db, Guid reportKey, CancellationToken ct)
    {
        var report = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == reportKey && i.Status == ContentStatus.Published, ct);
        var eventKey = await db.ContentReferences.Where(r => r.SourceKey == reportKey && r.Kind == ReferenceKind.ReportedEvent)
            .Select(r => (Guid?)r.TargetKey).FirstOrDefaultAsync(ct);
        if (report is null || eventKey is null || await db.LiveEventAsync(eventKey.Value, ct) is not var (_, e))
        {
            return;
        }

        var mails = sp.GetRequiredService<RegistrationMails>();
        var registrants = await db.Registrations().Where(r => r.EventKey == eventKey && r.AnonymisedUtc == null
            && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Attended)).ToListAsync(ct);
        foreach (var r in registrants)
        {
            mails.ReportOnline(db, r, e, reportKey, report.LiveTitle ?? "", report.LiveSlug ?? report.Slug);
        }

        await db.SaveChangesAsync(ct);
    }
}
