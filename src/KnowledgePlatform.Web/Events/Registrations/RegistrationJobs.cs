using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// The timed work: expired offers pass to the next on the waitlist, reminders go out before the
/// start, and old registrations are anonymised. Every item is claimed under its event's lock in
/// the database and its mails are queued in that same transaction, so several instances never do
/// it twice and a crash leaves it to be done by the next run. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class RegistrationJobs(KnowledgeDbContext db, TimeProvider clock, IOptions<RegistrationOptions> options,
    WaitlistSeats seats, RegistrationMails mails)
{
    public const string AnonymisedName = "(geanonimiseerd)";

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await ExpireOffersAsync(ct);
        await SendRemindersAsync(ct);
        await AnonymiseAsync(ct);
    }

    public async Task<int> ExpireOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Registrations().Where(r => r.Status == RegistrationStatus.Offered && r.OfferExpiresUtc <= now)
            .Select(r => r.EventKey).Distinct().ToListAsync(ct);
        var expired = 0;
        foreach (var key in events)
        {
            expired += await EventLock.WithLockAsync(db, key, async _ =>
            {
                var lapsed = await db.Registrations()
                    .Where(r => r.EventKey == key && r.Status == RegistrationStatus.Offered && r.OfferExpiresUtc <= now).ToListAsync(ct);
                foreach (var r in lapsed)
                {
                    r.Status = RegistrationStatus.Cancelled;
                    r.UpdatedUtc = now;
                }

                await db.SaveChangesAsync(ct);
                if (await db.LiveEventAsync(key, ct) is var (_, e))
                {
                    await seats.FillAsync(db, key, e, offer: true, ct);
                }

                return lapsed.Count;
            }, ct);
        }

        return expired;
    }

    public async Task<int> SendRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddHours(options.Value.ReminderHoursBefore);
        var due = await db.ContentItems.Where(i => (i.Type == ContentType.Event || i.Type == ContentType.Workshop)
                && i.Status == ContentStatus.Published && i.LiveDateUtc > now && i.LiveDateUtc <= until)
            .Where(i => db.Registrations().Any(r => r.EventKey == i.Key && r.Status == RegistrationStatus.Confirmed))
            .Where(i => !db.RegistrationEvents().Any(x => x.EventKey == i.Key && x.RemindedUtc != null))
            .Select(i => i.Key).ToListAsync(ct);
        var sent = 0;
        foreach (var key in due)
        {
            sent += await EventLock.WithLockAsync(db, key, async row =>
            {
                if (row.RemindedUtc is not null || await db.LiveEventAsync(key, ct) is not var (_, e) || e.Cancelled)
                {
                    return 0;
                }

                row.RemindedUtc = now;
                var confirmed = await db.Registrations().Where(r => r.EventKey == key && r.Status == RegistrationStatus.Confirmed).ToListAsync(ct);
                confirmed.ForEach(r => mails.Reminder(db, r, e));
                return confirmed.Count;
            }, ct);
        }

        return sent;
    }

    public async Task<int> AnonymiseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now.AddMonths(-options.Value.RetentionMonths);
        var due = await db.ContentItems.Where(i => (i.LiveEndUtc ?? i.LiveDateUtc) < before)
            .Where(i => db.Registrations().Any(r => r.EventKey == i.Key && r.AnonymisedUtc == null))
            .Select(i => i.Key).ToListAsync(ct);
        var count = 0;
        foreach (var key in due)
        {
            count += await EventLock.WithLockAsync(db, key, async row =>
            {
                var rows = await db.Registrations().Where(r => r.EventKey == key && r.AnonymisedUtc == null).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    return 0; // another instance did it while this one waited for the lock: one audit entry, not two
                }

                rows.ForEach(r => Anonymise(r, now));
                row.AnonymisedUtc = now;
                RegistrationAudit.Record(db, KnowledgePlatform.Web.Audit.AuditLog.System, "registrations.anonymised", key,
                    new { registrations = rows.Count, retentionMonths = options.Value.RetentionMonths });
                return rows.Count;
            }, ct);
        }

        return count;
    }

    /// <summary>Blanks everything that identifies the person; status and arrival stay for the counts.</summary>
    public static void Anonymise(EventRegistration r, DateTime now)
    {
        r.Name = AnonymisedName;
        r.Email = $"anoniem-{r.Key:N}@invalid";
        r.Answers = null;
        r.Token = RegistrationTokens.New(); // the old personal link stops working
        r.AnonymisedUtc = now;
        r.UpdatedUtc = now;
    }
}

/// <summary>Runs <see cref="RegistrationJobs"/> every <see cref="RegistrationOptions.JobIntervalSeconds"/>.</summary>
internal sealed class RegistrationJobRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RegistrationOptions> options,
    ILogger<RegistrationJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RegistrationJobs>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Registration jobs failed; retrying at the next interval.");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.JobIntervalSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
