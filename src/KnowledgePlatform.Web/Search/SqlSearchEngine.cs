using System.Data.Common;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgePlatform.Web.Search;

/// <summary>A document with its fields analyzed (Dutch stems, space-separated), ready to insert.</summary>
public sealed record AnalyzedDocument(SearchDocument Document, string Title, string Summary, string Body, string People, string Terms)
{
    public static AnalyzedDocument From(SearchDocument d) => new(d,
        SearchIndexText.Analyze(d.Title), SearchIndexText.Analyze(d.Summary), SearchIndexText.Analyze(d.Body),
        SearchIndexText.Analyze([.. d.People]), SearchIndexText.Analyze([.. d.Terms]));

    public DateTime? DateUtc => Document.DateUtc is { } date ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null;

    public IEnumerable<SearchFacetValue> Facets => Document.Facets.DistinctBy(f => (f.Facet, f.Value));
}

/// <summary>
/// What both engines share: the side tables (search_documents, narrow, for ranking and filtering;
/// search_texts with the stored text for the hits shown; search_facet_values and search_facets for
/// filters and counts) and all SQL around them. An engine supplies only how
/// analyzed text is stored and matched (FTS5 MATCH, or tsvector @@ tsquery). Every value is a
/// parameter; the match expression is built from analyzed terms only and passed as one, too.
/// </summary>
public abstract partial class SqlSearchEngine(KnowledgeDbContext db, TimeProvider clock) : ISearchEngine
{
    /// <summary>Table-name suffix of the live index ("") and of the one a rebuild fills beside it.</summary>
    protected const string Live = "", Shadow = "_next";

    /// <summary>Deletes one document (parameter @key) with its facets and index entry.</summary>
    protected abstract string DeleteSql { get; }

    /// <summary>
    /// Inserts analyzed documents with their facets into the tables with this suffix. Facet values
    /// not yet in <paramref name="valueIds"/> are added to search_facet_values (or their label
    /// updated) and their numbers remembered there, so a rebuild writes each value once.
    /// </summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix,
        Dictionary<(string Facet, string Value), long> valueIds, CancellationToken ct);

    public Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            foreach (var document in documents)
            {
                await ExecuteAsync(connection, tx, DeleteSql, ct, ("@key", document.Key.ToString()));
            }

            await InsertAsync(connection, tx, [.. documents.Select(AnalyzedDocument.From)], Live, [], ct);
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

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }
}
