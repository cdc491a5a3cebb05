using System.Data.Common;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// What both engines share: the side tables (search_documents with the stored text for snippets,
/// search_facets for filters and counts) and all SQL around them. An engine supplies only how
/// analyzed text is stored and matched (FTS5 MATCH, or tsvector @@ tsquery). Every value is a
/// parameter; the match expression is built from analyzed terms only and passed as one, too.
/// </summary>
public abstract partial class SqlSearchEngine(KnowledgeDbContext db) : ISearchEngine
{
    /// <summary>Deletes one document (parameter @key) with its facets and index entry.</summary>
    protected abstract string DeleteSql { get; }

    /// <summary>Empties the index (DELETE, not TRUNCATE, so readers keep their snapshot).</summary>
    protected abstract string DeleteAllSql { get; }

    /// <summary>
    /// Inserts a document and returns its id. Parameters: @key @type @title @summary @body @url
    /// @date and the analyzed fields @a_title @a_summary @a_body @a_people @a_terms.
    /// </summary>
    protected abstract string InsertSql { get; }

    public Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            foreach (var document in documents)
            {
                await ExecuteAsync(connection, tx, DeleteSql, ct, ("@key", document.Key.ToString()));
                await InsertAsync(connection, tx, document, ct);
            }

            return documents.Count;
        }, ct);

    public Task RemoveAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            foreach (var key in keys)
            {
                await ExecuteAsync(connection, tx, DeleteSql, ct, ("@key", key.ToString()));
            }

            return keys.Count;
        }, ct);

    public Task<int> ReplaceAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<int>? progress, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            await ExecuteAsync(connection, tx, DeleteAllSql, ct);
            var count = 0;
            await foreach (var document in documents.WithCancellation(ct))
            {
                await InsertAsync(connection, tx, document, ct);
                if (++count % 100 == 0)
                {
                    progress?.Report(count);
                }
            }

            progress?.Report(count);
            return count;
        }, ct);

    private async Task InsertAsync(DbConnection connection, DbTransaction tx, SearchDocument d, CancellationToken ct)
    {
        await using var insert = Command(connection, tx, InsertSql,
            ("@key", d.Key.ToString()), ("@type", d.Type), ("@title", d.Title), ("@summary", d.Summary), ("@body", d.Body),
            ("@url", d.Url), ("@date", d.DateUtc is { } date ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null),
            ("@a_title", SearchIndexText.Analyze(d.Title)), ("@a_summary", SearchIndexText.Analyze(d.Summary)),
            ("@a_body", SearchIndexText.Analyze(d.Body)), ("@a_people", SearchIndexText.Analyze([.. d.People])),
            ("@a_terms", SearchIndexText.Analyze([.. d.Terms])));
        var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var facet in d.Facets.DistinctBy(f => (f.Facet, f.Value)))
        {
            await ExecuteAsync(connection, tx, "INSERT INTO search_facets (doc_id, facet, value, label) VALUES (@id, @facet, @value, @label)", ct,
                ("@id", id), ("@facet", facet.Facet), ("@value", facet.Value), ("@label", facet.Label));
        }
    }

    /// <summary>Joins the caller's transaction (EF's) when there is one, so indexing can share a unit of work.</summary>
    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            return await work(db.Database.GetDbConnection(), current.GetDbTransaction());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db.Database.GetDbConnection(), tx.GetDbTransaction());
        await tx.CommitAsync(ct);
        return result;
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }
}
