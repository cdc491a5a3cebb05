using System.Data.Common;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Data;

/// <summary>
/// A database's schema as sorted text lines (columns, types, nullability, keys, indexes), to compare two.
/// Only EF-mapped tables: the search index (search_* tables, with FTS5's shadow tables) is plain SQL, not part of the model.
/// </summary>
public static class SchemaDescriber
{
    private const string SqliteQuery = """
        SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || CASE WHEN c."notnull" THEN ' not null' ELSE '' END || CASE WHEN c.pk > 0 THEN ' pk' || c.pk ELSE '' END
        FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__schema_migrations' AND m.name NOT LIKE 'search\_%' ESCAPE '\'
        UNION ALL
        SELECT 'index ' || m.name || '.' || i.name || CASE WHEN i."unique" THEN ' unique' ELSE '' END || ' (' ||
               (SELECT group_concat(ii.name, ',') FROM pragma_index_info(i.name) ii) || ')'
        FROM sqlite_master m JOIN pragma_index_list(m.name) i
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__schema_migrations' AND m.name NOT LIKE 'search\_%' ESCAPE '\'
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search\_%' ESCAPE '\'
        """;

    private const string PostgresQuery = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') ||
               CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || coalesce(' default ' || column_default, '') ||
               CASE WHEN is_identity = 'YES' THEN ' identity ' || identity_generation ELSE '' END
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__schema_migrations' AND table_name NOT LIKE 'search\_%'
        UNION ALL
        SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__schema_migrations' AND tablename NOT LIKE 'search\_%'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__schema_migrations' AND conrelid::regclass::text NOT LIKE 'search\_%'
        """;

    public static async Task<IReadOnlyList<string>> DescribeAsync(KnowledgeDbContext db, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = provider == DatabaseProvider.Sqlite ? SqliteQuery : PostgresQuery;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
