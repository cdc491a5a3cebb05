using KnowledgePlatform.Web.Data;
using Npgsql;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// PostgreSQL only: one dedicated connection LISTENs for "kp_outbox" (a new outbox row was
/// committed: wake the outbox processor, which claims it if no other instance did first) and
/// "kp_cache" (another instance handled a change: evict this instance's caches). A dropped
/// connection is re-opened; since notifications sent meanwhile are lost, every (re)connect evicts
/// the caches and wakes the processor once, so nothing stays stale.
/// </summary>
public sealed class ClusterNotifications(
    DatabaseSettings settings, LocalCaches caches, OutboxSignal outbox, NodeIdentity node, ILogger<ClusterNotifications> logger)
    : BackgroundService
{
    public const string OutboxChannel = "kp_outbox";
    public const string ApplicationName = "kp-cluster-listener";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private TimeSpan retry = FirstRetry;

    /// <summary>How many times this instance has (re)started listening; for tests and logs.</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The cluster notification connection dropped; reconnecting in {Delay}.", retry);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromMilliseconds(Math.Min(retry.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            KeepAlive = 15,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var pending = new List<NpgsqlNotificationEventArgs>();
        connection.Notification += (_, e) => pending.Add(e);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxChannel}; LISTEN {CacheInvalidation.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        Connections++;
        retry = FirstRetry;
        logger.LogInformation("Listening for cluster notifications as {Node} (connection {Count}).", node.Id, Connections);
        await caches.EvictAsync(ct);
        outbox.Notify();
        while (true)
        {
            // Notification events are raised on this thread, inside WaitAsync.
            await connection.WaitAsync(ct);
            if (pending.Exists(n => n.Channel == OutboxChannel))
            {
                outbox.Notify();
            }

            // The sender evicted its own caches already.
            if (pending.Exists(n => n.Channel == CacheInvalidation.Channel && n.Payload != node.Id))
            {
                await caches.EvictAsync(ct);
            }

            pending.Clear();
        }
    }
}
