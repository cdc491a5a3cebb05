using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// Evicts stale caches on every instance after a content change. Called once per change, by the
/// instance that claimed its outbox row: it evicts its own caches and, on PostgreSQL, tells the
/// others with NOTIFY (<see cref="ClusterNotifications"/> evicts theirs). SQLite is one instance.
/// </summary>
public sealed class CacheInvalidation(KnowledgeDbContext db, LocalCaches caches, NodeIdentity node)
{
    public const string Channel = "kp_cache";

    public async Task InvalidateEverywhereAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({Channel}, {node.Id})", ct);
        }

        await caches.EvictAsync(ct);
    }
}
