using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// Carries out scheduled publishing and unpublishing. Each due item is first claimed with one
/// conditional UPDATE (due, and not claimed or the claim expired), so on several nodes exactly one
/// does it, and an item whose node died mid-way is claimable again when the lease runs out. The
/// schedule lives in the database, so it survives restarts. "Now" is the app's TimeProvider.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackOfficeOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled publishing failed; retrying on the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Handles every item that is due now; returns how many this node carried out.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var done = 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<EditorialState>().AsNoTracking()
            .Where(s => (s.PublishAtUtc <= now || s.UnpublishAtUtc <= now) && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
            .Select(s => s.ContentKey).Take(50).ToListAsync(ct);
        foreach (var key in due)
        {
            var claimed = await db.Set<EditorialState>()
                .Where(s => s.ContentKey == key && (s.PublishAtUtc <= now || s.UnpublishAtUtc <= now) && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntilUtc, now + Lease), ct);
            if (claimed == 1)
            {
                using var work = scopes.CreateScope();
                await CarryOutAsync(work.ServiceProvider, key, now, ct);
                done++;
            }
        }

        return done;
    }

    private static async Task CarryOutAsync(IServiceProvider services, Guid key, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var state = await db.Set<EditorialState>().SingleAsync(s => s.ContentKey == key, ct);
        var publishing = state.PublishAtUtc <= now;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                if (publishing)
                {
                    var version = await services.GetRequiredService<PublishContent.Handler>().HandleAsync(new(key, AuditLog.System), ct);
                    AuditLog.Record(db, AuditLog.System, "content.publish-scheduled", "content", key.ToString(),
                        new { publishAt = state.PublishAtUtc, by = state.ScheduledBy }, new { status = "Published", liveVersion = version });
                    (state.PublishAtUtc, state.SubmittedUtc, state.SubmittedBy) = (null, null, null);
                }
                else
                {
                    await services.GetRequiredService<UnpublishContent.Handler>().HandleAsync(new(key, AuditLog.System), ct);
                    AuditLog.Record(db, AuditLog.System, "content.unpublish-scheduled", "content", key.ToString(),
                        new { unpublishAt = state.UnpublishAtUtc, by = state.ScheduledBy }, new { status = "Unpublished" });
                    state.UnpublishAtUtc = null;
                }

                state.ClaimedUntilUtc = null;
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (Exception ex) when (ex is ValidationFailedException or ContentNotFoundException)
        {
            // The item can no longer be published as scheduled (a slug clash, a removed speaker):
            // drop that schedule and say so in the audit trail rather than retrying forever.
            db.ChangeTracker.Clear();
            await db.Set<EditorialState>().Where(s => s.ContentKey == key).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.PublishAtUtc, x => publishing ? null : x.PublishAtUtc)
                .SetProperty(x => x.UnpublishAtUtc, x => publishing ? x.UnpublishAtUtc : null)
                .SetProperty(x => x.ClaimedUntilUtc, (DateTime?)null), ct);
            AuditLog.Record(db, AuditLog.System, publishing ? "content.publish-scheduled-failed" : "content.unpublish-scheduled-failed",
                "content", key.ToString(), null, new { error = ex.Message });
            await db.SaveChangesAsync(ct);
        }
    }
}

public sealed class BackOfficeOptions
{
    public const string Section = "BackOffice";

    /// <summary>How often scheduled publishing looks for due items.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(15);
}
