using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// SQLite serves one site instance: caches are evicted in-process only, so a second instance on
/// the same file would show stale pages. The site (not the command-line verbs: they change
/// content through the outbox, which the running site handles) holds an exclusive OS lock on a
/// file beside the database for its lifetime; a second site on the same file stops at start-up
/// with one sentence. The OS drops the lock when the process ends, also after kill -9.
/// `Cluster:SingleSqliteInstance=false` switches the guard off; only the in-process test host
/// uses that, because it runs several hosts over one test database in one process.
/// </summary>
public sealed class SqliteInstanceLock(DatabaseSettings settings, IConfiguration configuration) : IDisposable
{
    private FileStream? held;

    public string? LockPath { get; private set; }

    public void Acquire()
    {
        if (settings.Provider != DatabaseProvider.Sqlite || held is not null
            || !configuration.GetValue("Cluster:SingleSqliteInstance", defaultValue: true))
        {
            return;
        }

        var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var database = Path.GetFullPath(source);
        LockPath = database + ".instance-lock";
        try
        {
            // FileShare.None is an exclusive flock() on Linux and a share-mode lock on Windows.
            held = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StartupException(
                $"Another instance of the site is already running on the SQLite database {database} (it holds {LockPath}); " +
                "SQLite serves one instance, so stop that one first, or run several instances on PostgreSQL (Database:Provider=Postgres).", ex);
        }
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }
}
