using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgePlatform.Tests.Data;

/// <summary>The hand-kept SQL migrations must produce exactly the schema EF expects, on each provider.</summary>
public abstract class MigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrated_schema_equals_the_schema_EF_creates_from_the_model()
    {
        await using var migratedDb = await TestDatabase.CreateAsync(provider);
        await using var createdDb = await TestDatabase.CreateAsync(provider);
        await using (var context = Context(migratedDb))
        {
            await Runner(context, migratedDb).ApplyAsync(Ct);
        }

        await using var migrated = Context(migratedDb);
        await using var created = Context(createdDb);
        await created.Database.EnsureCreatedAsync(Ct);

        var expected = await SchemaDescriber.DescribeAsync(created, provider);
        var actual = await SchemaDescriber.DescribeAsync(migrated, provider);
        Assert.True(expected.Count > 40, "the schema description should not be empty");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Concurrent_start_ups_apply_each_migration_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = MigrationRunner.Scripts(provider);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var context = Context(database);
            return await Runner(context, database).ApplyAsync(Ct);
        }));

        Assert.Equal(scripts.Count, results.Sum(r => r.Count));
        await using var check = Context(database);
        var applied = await check.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM __schema_migrations").ToListAsync(Ct);
        Assert.Equal(scripts.Select(s => s.Version).Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Running_migrations_again_applies_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = Context(database);
        Assert.NotEmpty(await Runner(context, database).ApplyAsync(Ct));
        Assert.Empty(await Runner(context, database).ApplyAsync(Ct));
    }

    private static KnowledgeDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        DataSetup.Configure(options, Settings(database));
        return new KnowledgeDbContext(options.Options);
    }

    private static DatabaseSettings Settings(TestDatabase database) => new(database.Provider, database.ConnectionString, database.DataPath);

    private static MigrationRunner Runner(KnowledgeDbContext context, TestDatabase database) =>
        new(context, Settings(database), NullLogger<MigrationRunner>.Instance);
}

public sealed class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.Postgres);
