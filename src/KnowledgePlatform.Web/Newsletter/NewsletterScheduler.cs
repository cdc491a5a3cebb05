using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Once a second: starts scheduled sends that are due and marks sends complete when every ledger
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
                await TickAsync(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>(), clock.GetUtcNow().UtcDateTime, stoppingToken);
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

    public static async Task TickAsync(KnowledgeDbContext db, DateTime now, CancellationToken ct)
    {
        var sends = db.Set<NewsletterSend>();
        foreach (var id in await sends.Where(s => s.State == SendState.Scheduled && s.ScheduledUtc <= now).Select(s => s.Id).ToListAsync(ct))
        {
            await db.InTransactionAsync(async () =>
            {
                var started = await sends.Where(s => s.Id == id && s.State == SendState.Scheduled)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SendState.Sending).SetProperty(s => s.StartedUtc, now), ct);
                if (started == 1)
                {
                    await db.Set<MailLedgerEntry>().Where(m => m.GroupId == id && m.State == MailState.Held)
                        .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, MailState.Queued), ct);
                }

                return started;
            }, ct);
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
}
