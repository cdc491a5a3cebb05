using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>Outbox rows are claimed with a lease: never handed to two claimers at once, free again when the lease lapses.</summary>
public abstract class OutboxClaimTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_claimed_row_is_not_claimed_again_until_its_lease_lapses()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await MigratedAsync(database);
        db.Outbox.AddRange(Enumerable.Range(0, 3).Select(_ => new OutboxMessage { Kind = "test.ping", CreatedUtc = T0 }));
        await db.SaveChangesAsync(Ct);

        var first = await OutboxClaims.ClaimAsync(db, T0, Ct);
        Assert.Equal(3, first.Count);
        Assert.Empty(await OutboxClaims.ClaimAsync(db, T0.AddSeconds(30), Ct));

        first[0].ProcessedUtc = T0.AddSeconds(1);
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var again = await OutboxClaims.ClaimAsync(db, T0 + OutboxClaims.Lease + TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(first.Skip(1).Select(m => m.Id), again.Select(m => m.Id));
        Assert.NotEqual(first[1].ClaimToken, again[0].ClaimToken);
    }

    [Fact]
    public async Task Concurrent_claimers_split_the_rows_without_overlap()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = await MigratedAsync(database))
        {
            seed.Outbox.AddRange(Enumerable.Range(0, 250).Select(_ => new OutboxMessage { Kind = "test.ping", CreatedUtc = T0 }));
            await seed.SaveChangesAsync(Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var ids = new List<long>();
            await using var db = Context(database);
            for (var round = 0; round < 5; round++)
            {
                ids.AddRange((await RetryBusyAsync(() => OutboxClaims.ClaimAsync(db, T0, Ct))).Select(m => m.Id));
            }

            return ids;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(250, all.Count);
        Assert.Equal(250, all.Distinct().Count());
    }

    // SQLite answers "database is locked" to a writer that waited past its busy timeout.
    private static async Task<T> RetryBusyAsync<T>(Func<Task<T>> work)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 5 && attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }

    internal static async Task<KnowledgeDbContext> MigratedAsync(TestDatabase database)
    {
        var db = Context(database);
        await new MigrationRunner(db, Settings(database), NullLogger<MigrationRunner>.Instance).ApplyAsync(Ct);
        return db;
    }

    internal static KnowledgeDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        DataSetup.Configure(options, Settings(database));
        return new KnowledgeDbContext(options.Options);
    }

    private static DatabaseSettings Settings(TestDatabase database) => new(database.Provider, database.ConnectionString, database.DataPath);
}

public sealed class OutboxClaimTests_Sqlite() : OutboxClaimTests(DatabaseProvider.Sqlite);

public sealed class OutboxClaimTests_Postgres() : OutboxClaimTests(DatabaseProvider.Postgres);
