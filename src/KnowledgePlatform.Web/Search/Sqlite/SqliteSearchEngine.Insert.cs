using System.Data.Common;
using System.Globalization;

namespace KnowledgePlatform.Web.Search.Sqlite;

public sealed partial class SqliteSearchEngine
{
    /// <summary>Statements prepared once per batch and run per document (in-process, so there are no round trips to save).</summary>
    protected override async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix,
        Dictionary<(string Facet, string Value), long> valueIds, CancellationToken ct)
    {
        await using var document = Command(connection, tx,
            $"INSERT INTO search_documents{suffix} (key, type, date_utc, day) VALUES (@key, @type, @date, @day) RETURNING id",
            ("@key", null), ("@type", null), ("@date", null), ("@day", null));
        await using var text = Command(connection, tx,
            $"INSERT INTO search_texts{suffix} (id, title, summary, body, url) VALUES (@id, @title, @summary, @body, @url)",
            ("@id", null), ("@title", null), ("@summary", null), ("@body", null), ("@url", null));
        await using var fts = Command(connection, tx,
            $"INSERT INTO search_fts{suffix} (rowid, title, summary, body, people, terms) VALUES (@id, @title, @summary, @body, @people, @terms)",
            ("@id", null), ("@title", null), ("@summary", null), ("@body", null), ("@people", null), ("@terms", null));
        await using var value = Command(connection, tx, $"""
            INSERT INTO search_facet_values{suffix} (facet, value, label) VALUES (@facet, @value, @label)
            ON CONFLICT (facet, value) DO UPDATE SET label = excluded.label RETURNING id
            """, ("@facet", null), ("@value", null), ("@label", null));
        await using var facet = Command(connection, tx, $"INSERT INTO search_facets{suffix} (doc_id, value_id, facet) VALUES (@id, @value, @facet)",
            ("@id", null), ("@value", null), ("@facet", null));
        foreach (var a in documents)
        {
            var d = a.Document;
            Set(document, d.Key.ToString(), d.Type, a.DateUtc, a.DateUtc is { } date ? JulianDay(date) : null);
            var id = Convert.ToInt64(await document.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            Set(text, id, d.Title, d.Summary, d.Body, d.Url);
            await text.ExecuteNonQueryAsync(ct);
            Set(fts, id, a.Title, a.Summary, a.Body, a.People, a.Terms);
            await fts.ExecuteNonQueryAsync(ct);
            foreach (var f in a.Facets)
            {
                if (!valueIds.TryGetValue((f.Facet, f.Value), out var valueId))
                {
                    Set(value, f.Facet, f.Value, f.Label);
                    valueIds[(f.Facet, f.Value)] = valueId = Convert.ToInt64(await value.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                }

                Set(facet, id, valueId, SearchFacets.Code(f.Facet));
                await facet.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
