using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// Applies the SQL scripts in Data/Migrations/{Provider}/ in name order, each in its own
/// transaction, recording them in __schema_migrations. A database-wide lock (an advisory lock on
/// PostgreSQL, SQLite's write lock) makes concurrent start-ups apply each script exactly once.
/// </summary>
public sealed class MigrationRunner(KnowledgeDbContext db, DatabaseSettings settings, ILogger<MigrationRunner> logger)
{
    private const long PostgresLockId = 7_271_2026;

    public static IReadOnlyList<(string Version, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))];
    }

    /// <summary>Returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var applied = new List<string>();
        try
        {
            var postgres = settings.Provider == DatabaseProvider.Postgres;
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockId})", ct);
            }
            else
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
            }

            await ExecuteAsync(connection, null, postgres
                ? "CREATE TABLE IF NOT EXISTS __schema_migrations (version text PRIMARY KEY, applied_utc timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS __schema_migrations (version TEXT PRIMARY KEY, applied_utc TEXT NOT NULL)", ct);
            foreach (var (version, sql) in Scripts(settings.Provider))
            {
                if (await ApplyOneAsync(connection, version, sql, ct))
                {
                    applied.Add(version);
                    logger.LogInformation("Applied database migration {Version}", version);
                }
            }

            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockId})", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }

    private async Task<bool> ApplyOneAsync(DbConnection connection, string version, string sql, CancellationToken ct)
    {
        // SQLite: BEGIN IMMEDIATE takes the write lock before we look, so two processes cannot both
        // decide a script is missing. PostgreSQL: the advisory lock above already serialises us.
        await using var tx = settings.Provider == DatabaseProvider.Sqlite
            ? await BeginImmediateAsync(connection, ct)
            : await connection.BeginTransactionAsync(ct);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT COUNT(*) FROM __schema_migrations WHERE version = @v";
            AddParameter(check, "@v", version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await ExecuteAsync(connection, tx, sql, ct);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = tx;
            record.CommandText = "INSERT INTO __schema_migrations (version, applied_utc) VALUES (@v, @t)";
            AddParameter(record, "@v", version);
            AddParameter(record, "@t", DateTime.UtcNow);
            await record.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    // Microsoft.Data.Sqlite issues BEGIN IMMEDIATE for a serializable, non-deferred transaction.
    private static Task<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection)
            .BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false));

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
