using System.Data.Common;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// Runs before the app serves anything: checks the connection, applies migrations. Any failure
/// becomes one sentence that names the setting to fix.
/// </summary>
public sealed class DatabaseInitializer(KnowledgeDbContext db, DatabaseSettings settings, MigrationRunner migrations)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder();
        }

        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or InvalidOperationException
            or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StartupException(
                $"Cannot connect to the {settings.Provider} database set in ConnectionStrings:Default ({Describe(ex)}).", ex);
        }

        await migrations.ApplyAsync(ct);
    }

    private void EnsureSqliteFolder()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || folder is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Cannot create the folder '{folder}' for the SQLite database (Storage:DataPath or ConnectionStrings:Default): {ex.Message}", ex);
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.GetBaseException().Message.Trim().TrimEnd('.');
        return message.Replace(Environment.NewLine, " ", StringComparison.Ordinal);
    }
}
