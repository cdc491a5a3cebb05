using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    /// <summary>Documents per write transaction while a rebuild fills the new tables: short enough that a publish meanwhile barely waits.</summary>
    private const int RebuildBatch = 500;

    /// <summary>Where the last rebuild on this instance spent its time (for the benchmark).</summary>
    internal sealed record RebuildTimings(TimeSpan Produce, TimeSpan Waiting, TimeSpan Write, TimeSpan Indexes, TimeSpan Swap);

    internal RebuildTimings? LastRebuild { get; private set; }

    /// <summary>Drops what a broken rebuild left behind and creates empty new tables (suffix <see cref="Shadow"/>) beside the live ones.</summary>
    protected abstract Task CreateShadowAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Work on the filled new tables before the swap (PostgreSQL builds their indexes here, outside any lock).</summary>
    protected virtual Task CompleteShadowAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Within one short transaction: drops the live tables and gives the new ones their names.</summary>
    protected abstract Task SwapAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    /// <summary>
    /// Builds a complete new index beside the live one, in batches of short write transactions (a
    /// publish meanwhile is indexed into the live tables, readers keep searching them), then swaps
    /// it in with one short transaction. What changed during the build is the caller's to replay.
    /// </summary>
    public async Task<int> ReplaceAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<int>? progress, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await CreateShadowAsync(connection, ct);
            var count = 0;
            var valueIds = new Dictionary<(string, string), long>();
            var produce = new Stopwatch();
            var (waiting, write) = (new Stopwatch(), new Stopwatch());
            waiting.Start();
            await foreach (var batch in AnalyzedBatchesAsync(documents, produce, ct))
            {
                waiting.Stop();
                write.Start();
                await using (var tx = await connection.BeginTransactionAsync(ct))
                {
                    await InsertAsync(connection, tx, batch, Shadow, valueIds, ct);
                    await tx.CommitAsync(ct);
                }

                write.Stop();
                count += batch.Length;
                progress?.Report(count);
                waiting.Start();
            }

            waiting.Stop();
            var indexes = Stopwatch.StartNew();
            await CompleteShadowAsync(connection, ct);
            indexes.Stop();
            var swap = Stopwatch.StartNew();
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await SwapAsync(connection, tx, ct);
                await tx.CommitAsync(ct);
            }

            LastRebuild = new(produce.Elapsed, waiting.Elapsed, write.Elapsed, indexes.Elapsed, swap.Elapsed);
            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Batches read from <paramref name="documents"/> and analyzed on every core, running ahead of
    /// the writer (two batches at most), so loading, analysis and writing overlap. The documents
    /// must therefore come from another connection than this engine's. <paramref name="busy"/>
    /// runs while a batch is being read or analyzed.
    /// </summary>
    private static IAsyncEnumerable<AnalyzedDocument[]> AnalyzedBatchesAsync(IAsyncEnumerable<SearchDocument> documents, Stopwatch busy,
        CancellationToken ct) =>
        RunAhead.Of(stop => AnalyzeAsync(documents, busy, stop), 2, ct);

    private static async IAsyncEnumerable<AnalyzedDocument[]> AnalyzeAsync(IAsyncEnumerable<SearchDocument> documents, Stopwatch busy,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<SearchDocument>(RebuildBatch);
        busy.Start();
        await foreach (var document in documents.WithCancellation(ct))
        {
            batch.Add(document);
            if (batch.Count == RebuildBatch)
            {
                var analyzed = Analyze(batch);
                batch.Clear();
                busy.Stop();
                yield return analyzed;
                busy.Start();
            }
        }

        var rest = batch.Count > 0 ? Analyze(batch) : null;
        busy.Stop();
        if (rest is not null)
        {
            yield return rest;
        }
    }

    private static AnalyzedDocument[] Analyze(List<SearchDocument> batch)
    {
        var analyzed = new AnalyzedDocument[batch.Count];
        Parallel.For(0, batch.Count, i => analyzed[i] = AnalyzedDocument.From(batch[i]));
        return analyzed;
    }

    /// <summary>A command for rebuild DDL and bulk work, which may take longer than a query's timeout on a large index.</summary>
    protected static async Task ExecuteLongAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, tx, sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    protected static async Task<List<(string, string)>> PairsAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pairs = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }
}
