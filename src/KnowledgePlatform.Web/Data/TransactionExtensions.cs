using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, or inside the caller's when one is open
    /// (a sync import applies many publishes as one unit).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this KnowledgeDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }
}
