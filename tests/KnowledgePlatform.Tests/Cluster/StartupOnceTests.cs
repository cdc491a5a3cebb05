using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// Start-up with several instances: on PostgreSQL they start together and import the demo once;
/// on SQLite a second site on the same file is refused with one sentence, while the command-line
/// verbs still run beside the site.
/// </summary>
public sealed class StartupOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Three_instances_starting_together_on_an_empty_postgres_database_import_the_demo_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var log = new HandledLog();
        var nodes = Enumerable.Range(0, 3).Select(i => new ClusterNode(database, $"N{i}", log, importDemo: true)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(() => _ = n.Server, Ct)));

            var versions = await nodes[0].InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.Select(i => i.LatestVersion).ToListAsync(Ct));
            var files = Directory.GetFiles(Path.Combine(RepoPaths.USync, "content"), "*.json").Length;
            Assert.Equal(files, versions.Count);
            Assert.All(versions, v => Assert.Equal(1, v));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_second_site_on_the_same_sqlite_file_is_refused_with_one_sentence_and_verbs_still_run_beside_it()
    {
        var data = Directory.CreateTempSubdirectory("kp-lock-").FullName;
        string[] settings = [$"--Storage:DataPath={data}", $"--Sync:Root={RepoPaths.USync}", "--Sync:ImportOnEmptyDatabase=false"];
        await using var first = await RunningApp.StartAsync(settings);

        var second = await AppProcess.RunAsync([$"--urls=http://127.0.0.1:0", .. settings], Timeout);
        Assert.Equal(1, second.ExitCode);
        var message = Assert.Single(second.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already running on the SQLite database", message, StringComparison.Ordinal);
        Assert.Contains("Database:Provider=Postgres", message, StringComparison.Ordinal);

        var plan = await AppProcess.RunAsync(["sync", "plan", .. settings], Timeout);
        Assert.Equal(0, plan.ExitCode);

        // kill -9: the OS drops the lock with the process, so a new instance starts without manual steps.
        await first.KillAsync();
        await using var restarted = await RunningApp.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = restarted.Address };
        Assert.True((await http.GetAsync("/health/ready", Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_sqlite_database_and_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string protectedText;
        await using (var before = new PlatformFactory(database))
        {
            protectedText = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("bevestig:7");
            Assert.True(await before.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Web.Cluster.DataProtectionKeyRow>().AnyAsync(Ct)));
        }

        await using var after = new PlatformFactory(database);
        Assert.Equal("bevestig:7", after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }
}
