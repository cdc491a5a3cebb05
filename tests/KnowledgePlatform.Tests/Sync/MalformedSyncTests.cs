using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Sync;

/// <summary>
/// A broken file is reported with its path and reason, and nothing from that import is applied —
/// not even the valid new item next to it.
/// </summary>
public sealed class MalformedSyncTests(SqliteDemoFixture fixture) : IClassFixture<SqliteDemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "people", "{ \"key\": \"broken", "ongeldige JSON" },
        { "people", "{ \"key\": \"{KEY}\", \"slug\": \"piet\", \"name\": \"Piet\", \"shoeSize\": 44 }", "shoeSize" },
        { "people", "{ \"key\": \"{KEY}\", \"slug\": \"piet\" }", "name" },
        { "people", "{ \"key\": \"00000000-0000-0000-0000-000000000001\", \"slug\": \"piet\", \"name\": \"Piet\" }", "bestandsnaam" },
        { "people", "{ \"key\": \"{KEY}\", \"slug\": \"piet\", \"name\": \"Piet\", \"organisation\": \"9f0b2c55-0000-4000-8000-000000000000\" }", "verwijst naar 9f0b2c55" },
        { "content", "{ \"key\": \"{KEY}\", \"status\": \"published\", \"content\": { \"type\": \"podcast\", \"title\": \"x\", \"slug\": \"x\" } }", "ongeldige JSON" },
        { "content", "{ \"key\": \"{KEY}\", \"status\": \"published\", \"content\": { \"type\": \"dossierArticle\", \"title\": \"Fout\", \"slug\": \"Met Spaties\" } }", "kleine letters" },
        { "content", "{ \"key\": \"{KEY}\", \"status\": \"published\", \"content\": { \"type\": \"dossierArticle\", \"title\": \"Dubbel\", \"slug\": \"vorm-inhoud-en-relaties\" } }", "vorm-inhoud-en-relaties" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_file_is_reported_with_its_path_and_nothing_is_applied(string folder, string json, string reason)
    {
        var root = RepoPaths.CopyOfUSync();
        var demo = new DemoFolder(root);
        var key = Guid.NewGuid();
        demo.Write(folder, $"{key:D}.json", json.Replace("{KEY}", key.ToString("D"), StringComparison.Ordinal));
        var valid = demo.AddPerson("Nieuwe Spreker");
        demo.ChangeContent("workshop", c => c.Replace("\"title\": \"Werkbijeenkomst", "\"title\": \"Gewijzigde werkbijeenkomst", StringComparison.Ordinal));
        var app = fixture.Factory;
        var before = await SnapshotAsync(app);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct)));

        var problem = Assert.Single(error.Problems);
        // A duplicate slug is reported on one file and names the other; either way both paths are in it.
        Assert.Contains($"{Path.GetFileName(root)}/{folder}/{key:D}.json", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).People.AnyAsync(p => p.Key == valid, Ct)));
    }

    [Fact]
    public async Task Plan_reports_the_same_problems_without_a_database_change()
    {
        var root = RepoPaths.CopyOfUSync();
        var key = Guid.NewGuid();
        new DemoFolder(root).Write("organisations", $"{key:D}.json", "not json at all");

        var error = await Assert.ThrowsAsync<SyncFailedException>(() =>
            fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<PlanSync.Handler>().HandleAsync(root, Ct)));

        Assert.Contains($"organisations/{key:D}.json", Assert.Single(error.Problems).Path, StringComparison.Ordinal);
    }

    private static Task<string> SnapshotAsync(PlatformFactory app) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var titles = await db.ContentItems.OrderBy(i => i.Key).Select(i => i.LiveTitle + "|" + i.LatestVersion).ToListAsync(Ct);
        return $"{await db.People.CountAsync(Ct)}/{await db.ContentVersions.CountAsync(Ct)}/{await db.Outbox.CountAsync(Ct)}/{string.Join(",", titles)}";
    });
}
