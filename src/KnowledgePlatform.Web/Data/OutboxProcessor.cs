using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>A reaction to an outbox message (evict caches, reindex, send mail). Must be idempotent.</summary>
public interface IOutboxHandler
{
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Wakes the processor right after a change instead of at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// Processes outbox rows in order: every handler sees every message at least once, also after a
/// crash (unprocessed rows are simply picked up at the next start). Polls each second, and wakes
/// at once on a signal (on PostgreSQL every new outbox row signals every instance, Cluster/).
/// Rows are claimed with a lease (<see cref="OutboxClaims"/>), so with several instances on one
/// database each row is handled by one of them.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxProcessor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Processing the outbox failed; retrying shortly.");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToList();
        var batch = await OutboxClaims.ClaimAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        foreach (var message in batch)
        {
            try
            {
                foreach (var handler in handlers)
                {
                    await handler.HandleAsync(message, ct);
                }

                message.ProcessedUtc = clock.GetUtcNow().UtcDateTime;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                // Released at once, so the next round (on any instance) retries it, as before claims.
                message.ClaimToken = null;
                message.ClaimedUntilUtc = null;
                logger.LogWarning(ex, "Outbox message {Id} ({Kind}) failed.", message.Id, message.Kind);
            }
        }

        await db.SaveChangesAsync(ct);
        return batch.Count(m => m.ProcessedUtc is not null);
    }
}
