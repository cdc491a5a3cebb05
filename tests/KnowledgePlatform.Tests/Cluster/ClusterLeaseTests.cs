using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>A named lease has one holder at a time; it can be extended by its holder and lapses for the others.</summary>
public abstract class ClusterLeaseTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task One_holder_at_a_time_until_the_lease_lapses_or_is_released()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await OutboxClaimTests.MigratedAsync(database);

        Assert.True(await ClusterLease.TryAcquireAsync(db, "retention", "node-a", T0, Minute, Ct));
        Assert.False(await ClusterLease.TryAcquireAsync(db, "retention", "node-b", T0.AddSeconds(30), Minute, Ct));
        Assert.True(await ClusterLease.TryAcquireAsync(db, "other-job", "node-b", T0.AddSeconds(30), Minute, Ct));

        // The holder extends; the other still waits past the original expiry.
        Assert.True(await ClusterLease.TryAcquireAsync(db, "retention", "node-a", T0.AddSeconds(50), Minute, Ct));
        Assert.False(await ClusterLease.TryAcquireAsync(db, "retention", "node-b", T0.AddSeconds(70), Minute, Ct));

        // node-a died: after its lease lapses node-b takes over, and node-a cannot take it back.
        Assert.True(await ClusterLease.TryAcquireAsync(db, "retention", "node-b", T0.AddSeconds(111), Minute, Ct));
        Assert.False(await ClusterLease.TryAcquireAsync(db, "retention", "node-a", T0.AddSeconds(112), Minute, Ct));

        Assert.Equal(0, await ClusterLease.ReleaseAsync(db, "retention", "node-a", Ct));
        Assert.Equal(1, await ClusterLease.ReleaseAsync(db, "retention", "node-b", Ct));
        Assert.True(await ClusterLease.TryAcquireAsync(db, "retention", "node-a", T0.AddSeconds(113), Minute, Ct));
    }

    [Fact]
    public async Task Racing_acquirers_get_exactly_one_lease()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (await OutboxClaimTests.MigratedAsync(database))
        {
        }

        var won = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var db = OutboxClaimTests.Context(database);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await ClusterLease.TryAcquireAsync(db, "reminders-14:00", $"node-{i}", T0, Minute, Ct);
                }
                catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 5 && attempt < 20)
                {
                    await Task.Delay(50, Ct);
                }
            }
        }));

        Assert.Single(won, w => w);
    }
}

public sealed class ClusterLeaseTests_Sqlite() : ClusterLeaseTests(DatabaseProvider.Sqlite);

public sealed class ClusterLeaseTests_Postgres() : ClusterLeaseTests(DatabaseProvider.Postgres);
