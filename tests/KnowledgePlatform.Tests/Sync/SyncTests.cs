using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Sync;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Sync;

/// <summary>Export → import round trips, plans and idempotence, on each provider. Each test has its own database.</summary>
public abstract partial class SyncTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_covers_every_content_type_and_imports_on_first_start()
    {
        await using var app = await StartAsync(importDemo: true);
        var types = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.Select(i => i.Type).Distinct().ToListAsync(Ct));
        Assert.Equal(Enum.GetValues<ContentType>().Order(), types.Order());
        Assert.True(await app.InScopeAsync(sp => PlatformFactory.Db(sp).People.AnyAsync(Ct)));
        Assert.True(await app.InScopeAsync(sp => PlatformFactory.Db(sp).Vocabularies.CountAsync(Ct)) >= 3);
    }

    [Fact]
    public async Task Exporting_the_imported_demo_reproduces_its_files_byte_for_byte()
    {
        await using var app = await StartAsync(importDemo: true);
        var exported = Directory.CreateTempSubdirectory("kp-export-").FullName;

        await app.InScopeAsync(sp => sp.GetRequiredService<ExportSync.Handler>().HandleAsync(exported, Ct));

        AssertSameFiles(RepoPaths.USync, exported);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_is_lossless_for_every_state()
    {
        var first = Directory.CreateTempSubdirectory("kp-export-").FullName;
        await using (var app = await StartAsync(importDemo: true))
        {
            await app.InScopeAsync(async sp =>
            {
                var save = sp.GetRequiredService<SaveDraft.Handler>();
                await save.HandleAsync(new SaveDraft.Command(null, TestContent.Event(title: "Alleen concept"), "test"), Ct);
                var offline = await save.HandleAsync(new SaveDraft.Command(null, TestContent.Article(title: "Offline gehaald"), "test"), Ct);
                await sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(offline.Key, "test"), Ct);
                await sp.GetRequiredService<UnpublishContent.Handler>().HandleAsync(new UnpublishContent.Command(offline.Key, "test"), Ct);
                await sp.GetRequiredService<ExportSync.Handler>().HandleAsync(first, Ct);
            });
        }

        var second = Directory.CreateTempSubdirectory("kp-export-").FullName;
        await using (var app = await StartAsync(importDemo: false, syncRoot: first))
        {
            await app.InScopeAsync(async sp =>
            {
                await sp.GetRequiredService<ImportSync.Handler>().HandleAsync(first, Ct);
                await sp.GetRequiredService<ExportSync.Handler>().HandleAsync(second, Ct);
            });
            var statuses = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.Select(i => i.Status).Distinct().ToListAsync(Ct));
            Assert.Contains(ContentStatus.Draft, statuses);
            Assert.Contains(ContentStatus.Unpublished, statuses);
        }

        AssertSameFiles(first, second);
    }

    [Fact]
    public async Task Importing_twice_changes_nothing_the_second_time()
    {
        await using var app = await StartAsync(importDemo: true);
        var before = await CountsAsync(app);

        var plan = await app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(RepoPaths.USync, Ct));

        Assert.Empty(plan.Changes);
        Assert.False(plan.SettingsChanged);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Plan_reports_create_update_rename_and_delete_and_changes_nothing()
    {
        await using var app = await StartAsync(importDemo: true);
        var root = RepoPaths.CopyOfUSync();
        var edit = new DemoFolder(root);
        var updated = edit.ChangeContent("workshop", c => c.Replace("\"title\": \"Werkbijeenkomst", "\"title\": \"Gewijzigde werkbijeenkomst", StringComparison.Ordinal));
        var (renamed, oldSlug, newSlug) = edit.RenameSlug("dossierArticle", "vorm-inhoud-en-relaties-hernoemd");
        var created = edit.AddPerson("Marieke Jansen");
        var deleted = edit.DeleteContent("newsletterIssue");
        var before = await CountsAsync(app);

        var (_, plan) = await app.InScopeAsync(sp => sp.GetRequiredService<PlanSync.Handler>().HandleAsync(root, Ct));

        Assert.Equal(SyncAction.Update, plan.Entries.Single(e => e.Key == updated).Action);
        var rename = plan.Entries.Single(e => e.Key == renamed);
        Assert.Equal(SyncAction.Rename, rename.Action);
        Assert.Equal($"{oldSlug} → {newSlug}", rename.Detail);
        Assert.Equal(SyncAction.Create, plan.Entries.Single(e => e.Key == created).Action);
        Assert.Equal(SyncAction.Delete, plan.Entries.Single(e => e.Key == deleted).Action);
        Assert.Equal(4, plan.Changes.Count());
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Import_applies_a_renamed_slug_as_an_update_of_the_same_key_with_a_redirect()
    {
        await using var app = await StartAsync(importDemo: true);
        var root = RepoPaths.CopyOfUSync();
        var (key, oldSlug, newSlug) = new DemoFolder(root).RenameSlug("dossierArticle", "vorm-inhoud-en-relaties-nieuw");
        var itemsBefore = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.CountAsync(Ct));

        await app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct));

        var item = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct));
        Assert.Equal(newSlug, item.LiveSlug);
        Assert.Equal(itemsBefore, await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.CountAsync(Ct)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/artikelen/{oldSlug}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/artikelen/{newSlug}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Import_applies_a_tombstone_as_a_delete()
    {
        await using var app = await StartAsync(importDemo: true);
        var root = RepoPaths.CopyOfUSync();
        var deleted = new DemoFolder(root).DeleteContent("newsletterIssue");

        await app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct));

        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AnyAsync(i => i.Key == deleted, Ct)));
    }

    [Fact]
    public async Task A_vocabulary_added_as_data_tags_content_and_shows_on_its_page()
    {
        await using var app = await StartAsync(importDemo: true);
        var root = RepoPaths.CopyOfUSync();
        var (vocabulary, term) = (Guid.NewGuid(), Guid.NewGuid());
        new DemoFolder(root).Write("vocabularies", $"{vocabulary:D}.json",
            $$"""{ "key": "{{vocabulary:D}}", "alias": "werkvorm", "name": "Werkvorm", "terms": [ { "key": "{{term:D}}", "slug": "intervisie", "name": "Intervisie" } ] }""");
        await app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct));

        var body = TestContent.Event(title: "Intervisiemiddag") with { Terms = [term] };
        await app.InScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "test"), Ct);
            await sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, "test"), Ct);
        });

        var html = await app.CreateClient().GetStringAsync($"/agenda/{body.Slug}", Ct);
        Assert.Contains("Werkvorm:", html, StringComparison.Ordinal);
        Assert.Contains(">Intervisie</a>", html, StringComparison.Ordinal);
    }

    protected async Task<PlatformFactory> StartAsync(bool importDemo, string? syncRoot = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new OwningFactory(database, importDemo, syncRoot);
        _ = factory.Server;
        return factory;
    }

    protected static Task<(int Items, int Versions, int Outbox, int Terms, int People)> CountsAsync(PlatformFactory app) =>
        app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            return (await db.ContentItems.CountAsync(Ct), await db.ContentVersions.CountAsync(Ct), await db.Outbox.CountAsync(Ct),
                await db.Terms.CountAsync(Ct), await db.People.CountAsync(Ct));
        });

    // Every file, not only the JSON: media bytes (uSync/media/{key}.pdf) must come back byte for byte too.
    private static void AssertSameFiles(string expectedRoot, string actualRoot)
    {
        static Dictionary<string, byte[]> Read(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);
        var expected = Read(expectedRoot);
        var actual = Read(actualRoot);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs after the round trip:\n{System.Text.Encoding.UTF8.GetString(actual[path])}");
        }
    }

    /// <summary>A factory that also drops its database when disposed.</summary>
    private sealed class OwningFactory(TestDatabase database, bool importDemo, string? syncRoot) : PlatformFactory(database, importDemo, syncRoot)
    {
        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

public sealed class SyncTests_Sqlite() : SyncTests(DatabaseProvider.Sqlite);

public sealed class SyncTests_Postgres() : SyncTests(DatabaseProvider.Postgres);
