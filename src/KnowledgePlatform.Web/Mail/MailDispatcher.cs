using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// Sends the ledger: Newsletter:Connections workers, each with its own SMTP connection and database
/// connection, plus a recovery loop that returns what dead instances claimed. Safe to run on several
/// instances against one PostgreSQL database; on SQLite run one instance.
/// </summary>
public sealed class MailDispatcher(IServiceProvider services, IOptions<SendingOptions> options, MailLedgerStore store,
    TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, import) finish before we take database connections.
        await Task.Yield();
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Connections))
            .Select(i => ActivatorUtilities.CreateInstance<MailWorker>(services, $"{instance}:{i}").RunAsync(stoppingToken))
            .Append(RecoverLoopAsync(stoppingToken))
            .ToList();
        await Task.WhenAll(workers);
    }

    private async Task RecoverLoopAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.Value.LeaseSeconds / 4.0, 0.5, 15));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.OpenAsync(ct);
                var now = clock.GetUtcNow();
                var (requeued, uncertain) = await store.RecoverExpiredAsync(connection, now.ToUnixTimeMilliseconds(), now.UtcDateTime, ct);
                if (requeued + uncertain > 0)
                {
                    logger.LogWarning("Mail ledger recovery: {Requeued} claimed rows back in the queue, {Uncertain} marked uncertain.", requeued, uncertain);
                }

                await Task.Delay(interval, clock, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Mail ledger recovery failed; retrying.");
                await Delay(interval, ct);
            }
        }
    }

    private async Task Delay(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await Task.Delay(interval, clock, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
