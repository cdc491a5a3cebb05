using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>One running app on its own database, shared by the tests of one class.</summary>
public abstract class PlatformFixture(DatabaseProvider provider, bool importDemo) : IAsyncLifetime
{
    private TestDatabase? database;
    private PlatformFactory? factory;

    public DatabaseProvider Provider => provider;
    public PlatformFactory Factory => factory ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new PlatformFactory(database, importDemo);
        _ = factory.Server; // start now: migrations (and the demo import) run before the first test
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFixture() : PlatformFixture(DatabaseProvider.Sqlite, importDemo: false);

public sealed class PostgresFixture() : PlatformFixture(DatabaseProvider.Postgres, importDemo: false);

public sealed class SqliteDemoFixture() : PlatformFixture(DatabaseProvider.Sqlite, importDemo: true);

public sealed class PostgresDemoFixture() : PlatformFixture(DatabaseProvider.Postgres, importDemo: true);
