using System.Data.Common;

namespace KnowledgePlatform.Web.Search.Postgres;

/// <summary>
/// Rebuild beside the live index: new tables LIKE the live ones (columns, defaults, identity), filled
/// without indexes, then given copies of the live tables' indexes and key constraints (read from the
/// catalog, so the migrations stay the one definition) under a "_next" name. The swap drops the
/// live tables and renames tables, indexes (and with them the constraints) and the id sequence to
/// the usual names: a few catalog updates, so readers wait milliseconds at most.
/// </summary>
public sealed partial class PostgresSearchEngine
{
    private static readonly string[] Tables = ["search_documents", "search_texts", "search_facet_values", "search_facets", "search_words"];

    /// <summary>Tables whose id is an identity column: its sequence is renamed with the table.</summary>
    private static readonly string[] WithIdentity = ["search_documents", "search_facet_values"];

    protected override async Task CreateShadowAsync(DbConnection connection, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            await ExecuteLongAsync(connection, null, $"DROP TABLE IF EXISTS {table}{Shadow}", ct);
            await ExecuteLongAsync(connection, null,
                $"CREATE TABLE {table}{Shadow} (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION)", ct);
        }

        // Every batch adds its words and facet values with ON CONFLICT, which needs their keys from the start.
        await ExecuteLongAsync(connection, null, $"ALTER TABLE search_words{Shadow} ADD CONSTRAINT search_words_pkey{Shadow} PRIMARY KEY (word)", ct);
        await ExecuteLongAsync(connection, null,
            $"ALTER TABLE search_facet_values{Shadow} ADD CONSTRAINT search_facet_values_facet_value_key{Shadow} UNIQUE (facet, value)", ct);
    }

    protected override async Task CompleteShadowAsync(DbConnection connection, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            foreach (var (name, definition) in await IndexesAsync(connection, null, table, ct))
            {
                if (await ExistsAsync(connection, name + Shadow, ct))
                {
                    continue;
                }

                var create = definition.Replace($" INDEX {name} ON public.{table} ", $" INDEX {name}{Shadow} ON public.{table}{Shadow} ", StringComparison.Ordinal);
                await ExecuteLongAsync(connection, null, create, ct);
            }

            foreach (var (name, kind) in await PairsAsync(connection, null, """
                SELECT conname::text, CASE contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END FROM pg_constraint
                WHERE conrelid = @table::regclass AND contype IN ('p', 'u')
                """, ct, ("@table", table)))
            {
                if (await ExistsAsync(connection, name + Shadow, ct, constraint: true))
                {
                    continue;
                }

                await ExecuteLongAsync(connection, null, $"ALTER TABLE {table}{Shadow} ADD CONSTRAINT {name}{Shadow} {kind} USING INDEX {name}{Shadow}", ct);
            }

            await ExecuteLongAsync(connection, null, $"ANALYZE {table}{Shadow}", ct);
        }
    }

    protected override async Task SwapAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            var indexes = await IndexesAsync(connection, tx, table, ct);
            await ExecuteLongAsync(connection, tx, $"DROP TABLE {table}", ct);
            await ExecuteLongAsync(connection, tx, $"ALTER TABLE {table}{Shadow} RENAME TO {table}", ct);
            foreach (var (name, _) in indexes)
            {
                await ExecuteLongAsync(connection, tx, $"ALTER INDEX {name}{Shadow} RENAME TO {name}", ct);
            }

            if (WithIdentity.Contains(table))
            {
                // The identity's sequence went with the dropped table; the new one takes its name.
                await ExecuteLongAsync(connection, tx, $"ALTER SEQUENCE {table}{Shadow}_id_seq RENAME TO {table}_id_seq", ct);
            }
        }
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, string name, CancellationToken ct, bool constraint = false) =>
        (await PairsAsync(connection, null, constraint
            ? "SELECT conname::text, '' FROM pg_constraint WHERE conname = @name"
            : "SELECT relname::text, '' FROM pg_class WHERE relname = @name", ct, ("@name", name))).Count > 0;

    /// <summary>(name, CREATE INDEX statement) of a live table's indexes, key constraints' included.</summary>
    private static Task<List<(string, string)>> IndexesAsync(DbConnection connection, DbTransaction? tx, string table, CancellationToken ct) =>
        PairsAsync(connection, tx, "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @table ORDER BY indexname",
            ct, ("@table", table));
}
