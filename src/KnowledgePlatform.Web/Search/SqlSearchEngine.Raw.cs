using System.Data.Common;
using System.Diagnostics;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

/// <summary>The benchmark's yardsticks: the engine's plain top-10 query and its own bulk index build.</summary>
public abstract partial class SqlSearchEngine
{
    /// <summary>The plain ranked top 10 for @match (no facets, snippets or filters).</summary>
    protected abstract string RawTopTenSql { get; }

    /// <summary>Statements that build a throw-away index of the stored text the engine's own way, and drop it.</summary>
    protected abstract (string Build, string Drop, string What) BulkBuildSql { get; }

    internal async Task RawTopTenAsync(string text, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(text);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(connection, null, RawTopTenSql, ("@match", Expression(parsed.Required, parsed.Excluded)));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal async Task<(double Seconds, string What)> BulkBuildAsync(CancellationToken ct)
    {
        var (build, drop, what) = BulkBuildSql;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ExecuteLongAsync(connection, null, drop, ct);
            var watch = Stopwatch.StartNew();
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await ExecuteLongAsync(connection, tx, build, ct);
                await tx.CommitAsync(ct);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            await ExecuteLongAsync(connection, null, drop, ct);
            return (seconds, what);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
