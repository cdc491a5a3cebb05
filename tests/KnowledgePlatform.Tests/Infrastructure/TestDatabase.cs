using KnowledgePlatform.Web.Data;
using Npgsql;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider: a temporary SQLite file, or a new database on the test
/// PostgreSQL server. Each test class gets its own, so classes can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string dataPath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A private Storage:DataPath for this database's host.</summary>
    public string DataPath { get; }

    private string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Directory.CreateTempSubdirectory("kp-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(dataPath, "test.db")}", dataPath, null);
        }

        var admin = await PostgresServer.AdminConnectionStringAsync();
        var name = "kp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 };
        return new TestDatabase(provider, builder.ConnectionString, dataPath, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(await PostgresServer.AdminConnectionStringAsync());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the OS temp cleaner takes it.
        }
    }
}
