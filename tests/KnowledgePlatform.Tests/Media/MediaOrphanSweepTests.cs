using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Media;

/// <summary>
/// A crash between renaming an upload into place and committing its row leaves an original no row owns; the
/// sweep (leased, one instance at a time) removes such files once they are over an hour old, and nothing else.
/// </summary>
public abstract class MediaOrphanSweepTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MediaStorage Storage => app.Services.GetRequiredService<MediaStorage>();

    [Fact]
    public async Task Old_files_that_no_row_owns_are_removed_and_everything_else_stays()
    {
        var kept = await app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Pdf), "blijft.pdf", null, null, "test"), Ct));
        var keptPath = Age(Storage.OriginalPath(kept));
        var crashed = Write(Storage.OriginalsDirectory, $"{Guid.NewGuid():N}.pdf", old: true); // renamed into place, no commit
        var interrupted = Write(Storage.OriginalsDirectory, $".tmp-{Guid.NewGuid():N}", old: true); // a write that never finished
        var inFlight = Write(Storage.OriginalsDirectory, $"{Guid.NewGuid():N}.pdf", old: false); // an upload between rename and commit
        var orphanDerivatives = Path.Combine(Storage.Root, "derivatives", Guid.NewGuid().ToString("N"));
        var orphanDerivative = Write(orphanDerivatives, "640x.webp", old: true);
        var ownDerivative = Write(Storage.DerivativesDirectory(kept.Id), "320x.webp", old: true);

        var removed = await app.Services.GetRequiredService<MediaOrphanSweep>().SweepAsync(Ct);

        Assert.Equal(3, removed);
        Assert.False(File.Exists(crashed));
        Assert.False(File.Exists(interrupted));
        Assert.False(Directory.Exists(orphanDerivatives), orphanDerivative);
        Assert.True(File.Exists(keptPath));
        Assert.True(File.Exists(inFlight));
        Assert.True(File.Exists(ownDerivative));
    }

    [Fact]
    public async Task Only_the_instance_holding_the_lease_sweeps()
    {
        var orphan = Write(Storage.OriginalsDirectory, $"{Guid.NewGuid():N}.pdf", old: true);
        await app.InScopeAsync(sp => ClusterLease.TryAcquireAsync(sp.GetRequiredService<KnowledgeDbContext>(), MediaOrphanSweep.LeaseName,
            "another-node", DateTime.UtcNow, TimeSpan.FromMinutes(5), Ct));
        try
        {
            Assert.Equal(-1, await app.Services.GetRequiredService<MediaOrphanSweep>().SweepAsync(Ct));
            Assert.True(File.Exists(orphan));
        }
        finally
        {
            await app.InScopeAsync(sp => ClusterLease.ReleaseAsync(sp.GetRequiredService<KnowledgeDbContext>(), MediaOrphanSweep.LeaseName, "another-node", Ct));
        }

        Assert.True(await app.Services.GetRequiredService<MediaOrphanSweep>().SweepAsync(Ct) >= 1);
        Assert.False(File.Exists(orphan));
    }

    internal static string Write(string directory, string name, bool old)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, TestImages.Pdf);
        return old ? Age(path) : path;
    }

    private static string Age(string path)
    {
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-2));
        return path;
    }
}

public sealed class MediaOrphanSweepTests_Sqlite(SqliteFixture fixture) : MediaOrphanSweepTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MediaOrphanSweepTests_Postgres(PostgresFixture fixture) : MediaOrphanSweepTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>The sweep as the running site does it: a hosted job on its interval (shortened here), no one asking.</summary>
public sealed class MediaOrphanSweepJobTests : IAsyncLifetime
{
    private TestDatabase? database;
    private FrequentSweep? app;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        app = new FrequentSweep(database);
        _ = app.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await app!.DisposeAsync();
        await database!.DisposeAsync();
    }

    [Fact]
    public async Task The_background_job_removes_an_orphaned_original_on_its_own()
    {
        var storage = app!.Services.GetRequiredService<MediaStorage>();
        var orphan = MediaOrphanSweepTests.Write(storage.OriginalsDirectory, $"{Guid.NewGuid():N}.jpg", old: true);

        await Eventually.AssertAsync(() => Task.Run(() => Assert.False(File.Exists(orphan))), timeoutSeconds: 60);
    }

    private sealed class FrequentSweep(TestDatabase database) : PlatformFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Media:OrphanSweepInterval", "00:00:01");
        }
    }
}
