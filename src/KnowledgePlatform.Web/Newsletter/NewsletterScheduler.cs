using System.Globalization;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Once a second: starts scheduled sends that are due (publishing their issue) and marks sends complete when every ledger
/// row is final. Both are conditional updates, so several instances never start a send twice.
/// Every few seconds it also resumes sends paused because the relay was down, once it is back.
/// </summary>
public sealed class NewsletterScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewsletterScheduler> logger) : BackgroundService
{
    private static readonly int[] Open = [(int)MailState.Queued, (int)MailState.Claimed, (int)MailState.InFlight, (int)MailState.Held];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var nextProbe = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await TickAsync(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (clock.GetUtcNow() >= nextProbe)
                {
                    nextProbe = clock.GetUtcNow() + RelayRecovery.ProbeInterval;
                    await scope.ServiceProvider.GetRequiredService<RelayRecovery>().TryResumeAsync(stoppingToken);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The newsletter scheduler failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, CancellationToken.None);
            }
        }
    }

    /// <param name="services">A scope's services: its database context and <see cref="PublishContent.Handler"/>.</param>
    public static async Task TickAsync(IServiceProvider services, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var sends = db.Set<NewsletterSend>();
        foreach (var id in await sends.Where(s => s.State == SendState.Scheduled && s.ScheduledUtc <= now).Select(s => s.Id).ToListAsync(ct))
        {
            try
            {
                await StartAsync(services, db, id, now, publish: true, ct);
            }
            catch (Exception ex) when (ex is ValidationFailedException or ContentNotFoundException or DbUpdateException)
            {
                // The web version cannot go live (say its address is taken meanwhile): the mail still
                // goes out on time, and the audit trail tells the editors to publish it by hand.
                db.ChangeTracker.Clear();
                await StartAsync(services, db, id, now, publish: false, ct);
                AuditLog.Record(db, AuditLog.System, "newsletter.publish-failed", "newsletter-send", id.ToString(CultureInfo.InvariantCulture), null,
                    new { reason = ex is ValidationFailedException v ? v.Message : ex.GetType().Name });
                await db.SaveChangesAsync(ct);
            }
        }

        foreach (var id in await sends.Where(s => s.State == SendState.Sending).Select(s => s.Id).ToListAsync(ct))
        {
            if (!await db.Set<MailLedgerEntry>().AnyAsync(m => m.GroupId == id && Open.Contains((int)m.State), ct))
            {
                await sends.Where(s => s.Id == id && s.State == SendState.Sending)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SendState.Completed).SetProperty(s => s.CompletedUtc, now), ct);
            }
        }
    }

    /// <summary>
    /// Starts a due send (a conditional update, so one instance wins) and, with <paramref name="publish"/>,
    /// publishes its issue in the same transaction.
    /// </summary>
    private static Task<int> StartAsync(IServiceProvider services, KnowledgeDbContext db, long id, DateTime now, bool publish, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var started = await db.Set<NewsletterSend>().Where(s => s.Id == id && s.State == SendState.Scheduled)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SendState.Sending).SetProperty(s => s.StartedUtc, now), ct);
            if (started == 1)
            {
                await db.Set<MailLedgerEntry>().Where(m => m.GroupId == id && m.State == MailState.Held)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, MailState.Queued), ct);
                if (publish)
                {
                    await ScheduledIssuePublication.PublishAsync(db, services.GetRequiredService<PublishContent.Handler>(),
                        await db.Set<NewsletterSend>().AsNoTracking().SingleAsync(s => s.Id == id, ct), ct);
                }
            }

            return started;
        }, ct);
}
