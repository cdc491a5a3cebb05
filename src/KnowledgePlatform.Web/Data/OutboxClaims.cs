using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// Claims a batch of unprocessed outbox rows for one instance with a lease, so several instances
/// on one database never handle a row twice at the same time, and a row claimed by an instance
/// that died becomes claimable again when the lease lapses. PostgreSQL skips rows another
/// instance is claiming right now (FOR UPDATE SKIP LOCKED); SQLite serialises writers anyway.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Long enough for a batch's handlers (a reindex of 100 items takes well under a second).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public const int BatchSize = 100;

    /// <summary>A row that failed this often is left alone (its last error stays on it for an administrator).</summary>
    public const int MaxAttempts = 10;

    public static async Task<List<OutboxMessage>> ClaimAsync(KnowledgeDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var until = nowUtc + Lease;
        var postgres = db.Database.IsNpgsql();
        var claimed = postgres
            ? await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Outbox" SET "ClaimToken" = {token}, "ClaimedUntilUtc" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                    WHERE "ProcessedUtc" IS NULL AND "Attempts" < {MaxAttempts} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {nowUtc})
                    ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                """, ct)
            : await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Outbox" SET "ClaimToken" = {SqliteValues.Text(token)}, "ClaimedUntilUtc" = {SqliteValues.Text(until)}
                WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                    WHERE "ProcessedUtc" IS NULL AND "Attempts" < {MaxAttempts} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {SqliteValues.Text(nowUtc)})
                    ORDER BY "Id" LIMIT {BatchSize})
                """, ct);
        return claimed == 0 ? [] : await db.Outbox.Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
    }
}
