using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// A database-wide lock for start-up work that must happen once even when several instances
/// start together (the uSync import into an empty database): a PostgreSQL session advisory lock
/// on the context's connection, released when disposed (or when the process dies). The holder
/// must re-check whether the work is still needed once it has the lock. SQLite needs none: one
/// instance per file (<see cref="SqliteInstanceLock"/>).
/// </summary>
public static class StartupLock
{
    public const long StartupImport = 7_271_2027;

    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(15);

    public static async Task<IAsyncDisposable> HoldAsync(KnowledgeDbContext db, long lockId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }

        await db.Database.OpenConnectionAsync(ct);
        // The others wait as long as the holder works (a first import takes a while on a busy
        // machine), not the default 30 s command timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(Wait);
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_lock({lockId})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        return new Held(db, lockId);
    }

    private sealed class Held(KnowledgeDbContext db, long lockId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_unlock({lockId})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
