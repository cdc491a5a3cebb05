using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Content;

/// <summary>Draft → published → unpublished/archived, versions and slug redirects, on each provider.</summary>
public abstract class ContentLifecycleTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_item_is_a_draft_and_not_visible_to_readers()
    {
        var body = TestContent.Event();
        var saved = await Save(null, body);

        var item = await Item(saved.Key);
        Assert.Equal(ContentStatus.Draft, item.Status);
        Assert.Null(item.LiveVersion);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/{body.Slug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Published_item_is_visible_on_its_page()
    {
        var body = TestContent.Event(title: "Publicatietest bijeenkomst");
        var saved = await Save(null, body);
        await Publish(saved.Key);

        var html = await client.GetStringAsync($"/agenda/{body.Slug}", Ct);
        Assert.Contains("Publicatietest bijeenkomst", html, StringComparison.Ordinal);
        Assert.Contains("Stadsplateau 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_published_item_creates_a_draft_and_leaves_the_live_version_until_publish()
    {
        var body = TestContent.Event(title: "Oude titel");
        var saved = await Save(null, body);
        await Publish(saved.Key);
        Assert.Contains("Oude titel", await client.GetStringAsync($"/agenda/{body.Slug}", Ct), StringComparison.Ordinal);

        var draft = await Save(saved.Key, body with { Title = "Nieuwe titel" });
        Assert.Equal(2, draft.Version);
        var item = await Item(saved.Key);
        Assert.Equal(1, item.LiveVersion);
        Assert.Equal("Oude titel", item.LiveTitle);
        var page = await client.GetStringAsync($"/agenda/{body.Slug}", Ct);
        Assert.Contains("Oude titel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe titel", page, StringComparison.Ordinal);

        await Publish(saved.Key);
        await Eventually.AssertAsync(async () =>
            Assert.Contains("Nieuwe titel", await client.GetStringAsync($"/agenda/{body.Slug}", Ct), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_version_is_kept_with_who_and_when_and_can_be_compared_and_restored()
    {
        var body = TestContent.Event(title: "Versie een");
        var saved = await Save(null, body, "anna@example.org");
        await Save(saved.Key, body with { Title = "Versie twee", Price = "€ 25" }, "bram@example.org");

        var versions = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == saved.Key).OrderBy(v => v.Number).ToListAsync(Ct));
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["anna@example.org", "bram@example.org"], versions.Select(v => v.CreatedBy));
        Assert.All(versions, v => Assert.True(v.CreatedUtc > DateTime.UtcNow.AddMinutes(-5)));

        var changes = await app.InScopeAsync(sp => sp.GetRequiredService<CompareVersions.Handler>()
            .HandleAsync(new CompareVersions.Query(saved.Key, 1, 2), Ct));
        Assert.Equal(["price", "title"], changes.Select(c => c.Path));
        Assert.Contains(changes, c => c.Path == "title" && c.Before == "Versie een" && c.After == "Versie twee");

        var restored = await app.InScopeAsync(sp => sp.GetRequiredService<RestoreVersion.Handler>()
            .HandleAsync(new RestoreVersion.Command(saved.Key, 1, "anna@example.org"), Ct));
        Assert.Equal(3, restored.Version);
        var noDifference = await app.InScopeAsync(sp => sp.GetRequiredService<CompareVersions.Handler>()
            .HandleAsync(new CompareVersions.Query(saved.Key, 1, 3), Ct));
        Assert.Empty(noDifference);
    }

    [Fact]
    public async Task Renaming_the_slug_of_a_published_item_redirects_the_old_url_permanently()
    {
        var body = TestContent.Event();
        var saved = await Save(null, body);
        await Publish(saved.Key);
        var newSlug = TestContent.UniqueSlug("hernoemd");
        await Save(saved.Key, body with { Slug = newSlug });
        await Publish(saved.Key);

        var response = await client.GetAsync($"/agenda/{body.Slug}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/agenda/{newSlug}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agenda/{newSlug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Unpublished_and_archived_items_disappear_and_republishing_brings_them_back()
    {
        var body = TestContent.Article(title: "Tijdelijk artikel");
        var saved = await Save(null, body);
        await Publish(saved.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/artikelen/{body.Slug}", Ct)).StatusCode);

        await app.InScopeAsync(sp => sp.GetRequiredService<UnpublishContent.Handler>()
            .HandleAsync(new UnpublishContent.Command(saved.Key, "test"), Ct));
        await Eventually.AssertAsync(async () =>
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/artikelen/{body.Slug}", Ct)).StatusCode));
        Assert.DoesNotContain("Tijdelijk artikel", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);

        await Publish(saved.Key);
        await Eventually.AssertAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/artikelen/{body.Slug}", Ct)).StatusCode));

        await app.InScopeAsync(sp => sp.GetRequiredService<UnpublishContent.Handler>()
            .HandleAsync(new UnpublishContent.Command(saved.Key, "test", ContentStatus.Archived), Ct));
        Assert.Equal(ContentStatus.Archived, (await Item(saved.Key)).Status);
        await Eventually.AssertAsync(async () =>
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/artikelen/{body.Slug}", Ct)).StatusCode));
    }

    [Fact]
    public async Task Publishing_records_an_outbox_message_in_the_same_unit_of_work()
    {
        var saved = await Save(null, TestContent.Article());
        await Publish(saved.Key);

        var kinds = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Outbox.AsNoTracking()
            .Where(m => m.ContentKey == saved.Key).Select(m => m.Kind).ToListAsync(Ct));
        Assert.Equal([PublishContent.OutboxKind], kinds);
    }

    [Fact]
    public async Task A_slug_is_unique_per_type_with_a_dutch_message()
    {
        var slug = TestContent.UniqueSlug("gedeeld");
        await Save(null, TestContent.Event(slug));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Save(null, TestContent.Event(slug)));
        Assert.Equal("Deze slug is al in gebruik door een ander item van dit type.", Assert.Single(error.Errors["Slug"]));
        await Save(null, TestContent.Article(slug)); // another type may use it
    }

    [Theory]
    [InlineData("Met Hoofdletters")]
    [InlineData("met spaties")]
    [InlineData("")]
    [InlineData("-begint-met-streepje")]
    public async Task Invalid_slugs_are_refused(string slug)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Save(null, TestContent.Event(slug)));
        Assert.Contains("kleine letters", Assert.Single(error.Errors["Slug"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_references_are_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Save(null, TestContent.Event() with { Speakers = [Guid.NewGuid()], Terms = [Guid.NewGuid()] }));
        Assert.Contains("People", error.Errors.Keys);
        Assert.Contains("Terms", error.Errors.Keys);
    }

    [Fact]
    public async Task Rich_text_is_sanitized_before_it_is_stored()
    {
        var saved = await Save(null, TestContent.Event() with { Body = "<p onclick=\"x()\">Hallo<script>alert(1)</script></p>" });
        var stored = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == saved.Key).Select(v => v.Body).SingleAsync(Ct));
        var body = Assert.IsType<EventContent>(ContentJson.DeserializeBody(stored));
        Assert.Equal("<p>Hallo</p>", body.Body);
    }

    private Task<SaveDraft.Result> Save(Guid? key, ContentBody body, string editor = "redacteur@example.org") =>
        app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(key, body, editor), Ct));

    private Task<int> Publish(Guid key) =>
        app.InScopeAsync(sp => sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(key, "test"), Ct));

    private Task<ContentItem> Item(Guid key) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct));
}

public sealed class ContentLifecycleTests_Sqlite(SqliteFixture fixture) : ContentLifecycleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentLifecycleTests_Postgres(PostgresFixture fixture) : ContentLifecycleTests(fixture), IClassFixture<PostgresFixture>;
