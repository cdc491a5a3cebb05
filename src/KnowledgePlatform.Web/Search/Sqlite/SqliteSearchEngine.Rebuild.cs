using System.Data.Common;

namespace KnowledgePlatform.Web.Search.Sqlite;

/// <summary>
/// Rebuild beside the live index: the new tables are created from the live tables' own DDL (so the
/// migration stays the one definition), filled without secondary indexes, and swapped in by one
/// transaction that drops the old tables, renames the new ones (FTS5 renames its shadow tables
/// too) and creates the secondary indexes under their usual names. That transaction holds the
/// write lock for the index build only (about a second at 100,000 documents); readers keep reading (WAL).
/// </summary>
public sealed partial class SqliteSearchEngine
{
    private static readonly string[] Tables = ["search_documents", "search_texts", "search_facet_values", "search_facets", "search_fts"];

    protected override async Task CreateShadowAsync(DbConnection connection, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            await ExecuteLongAsync(connection, null, $"DROP TABLE IF EXISTS {table}{Shadow}", ct);
        }

        foreach (var (table, sql) in await SchemaAsync(connection, "table", ct))
        {
            var at = sql.IndexOf(table, StringComparison.Ordinal);
            await ExecuteLongAsync(connection, null, sql[..at] + table + Shadow + sql[(at + table.Length)..], ct);
        }
    }

    protected override async Task SwapAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var indexes = await SchemaAsync(connection, "index", ct, tx);
        foreach (var table in Tables)
        {
            await ExecuteLongAsync(connection, tx, $"DROP TABLE {table}", ct);
            await ExecuteLongAsync(connection, tx, $"ALTER TABLE {table}{Shadow} RENAME TO {table}", ct);
        }

        foreach (var (_, sql) in indexes)
        {
            await ExecuteLongAsync(connection, tx, sql, ct);
        }
    }

    /// <summary>(name, CREATE statement) of the live search tables or their explicit indexes, from sqlite_master.</summary>
    private static Task<List<(string, string)>> SchemaAsync(DbConnection connection, string kind, CancellationToken ct, DbTransaction? tx = null) =>
        PairsAsync(connection, tx, $"""
            SELECT {(kind == "table" ? "name" : "tbl_name")}, sql FROM sqlite_master
            WHERE type = @kind AND tbl_name IN ('search_documents', 'search_texts', 'search_facet_values', 'search_facets', 'search_fts') AND sql IS NOT NULL
            ORDER BY name
            """, ct, ("@kind", kind));
}
