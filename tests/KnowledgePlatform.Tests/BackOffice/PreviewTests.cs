using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>The preview renders a draft through the public detail template of its type, only for the back-office, never cached.</summary>
public abstract class PreviewTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_event_is_previewed_in_the_public_template_with_a_banner_and_is_not_public()
    {
        var speaker = await AddPersonAsync("Mirjam de Vries");
        var pdf = await UploadPdfAsync();
        var body = TestContent.Event(title: "Voorbeeld van een concept") with
        {
            Speakers = [speaker],
            Attachments = [new Attachment { Media = pdf.Id, Title = "Presentatie Mirjam de Vries", Speaker = speaker, ProgrammeItem = 1 }],
        };
        var key = await SaveAsync(body);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);

        using var response = await client.GetAsync($"/beheer/inhoud/voorbeeld/{key}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("Voorbeeld — niet gepubliceerd.", page.QuerySelector(".kp-preview-banner")!.TextContent, StringComparison.Ordinal);
        // The public event template: breadcrumbs, the facts list, the programme, the speakers, the attachments.
        Assert.Equal("Voorbeeld van een concept", page.QuerySelector("main article h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main nav.kp-breadcrumbs"));
        Assert.NotNull(page.QuerySelector("main dl.kp-event-facts"));
        Assert.Equal("Opening", page.QuerySelector("main ol.kp-programme h3")?.TextContent);
        Assert.Contains("Mirjam de Vries", page.QuerySelector("#sprekers")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Presentatie Mirjam de Vries (PDF, 1 kB)", Normalize(page.QuerySelector("#presentaties")!.ParentElement!.TextContent), StringComparison.Ordinal);

        using var anonymous = BackOfficeUsers.Client(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/agenda/{body.Slug}", Ct)).StatusCode);
        using var signedOut = await anonymous.GetAsync($"/beheer/inhoud/voorbeeld/{key}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Theory]
    [InlineData(ContentType.Event)]
    [InlineData(ContentType.MeetingReport)]
    [InlineData(ContentType.DossierArticle)]
    [InlineData(ContentType.Dossier)]
    public async Task The_preview_of_a_published_version_is_the_page_readers_get(ContentType type)
    {
        var eventKey = await SaveAsync(TestContent.Event(title: "Bijeenkomst bij het voorbeeld"), publish: true);
        var article = TestContent.Article(title: "Artikel bij het voorbeeld");
        var articleKey = await SaveAsync(article, publish: true);
        ContentBody body = type switch
        {
            ContentType.Event => TestContent.Event(title: "Gepubliceerde bijeenkomst"),
            ContentType.MeetingReport => new MeetingReportContent
            {
                Title = "Gepubliceerd verslag", Slug = TestContent.UniqueSlug("verslag"), Event = eventKey, Body = "<p>Wat er gezegd is.</p>", Outcomes = ["Een les"],
            },
            ContentType.DossierArticle => TestContent.Article(title: "Gepubliceerd artikel"),
            _ => new DossierContent { Title = "Gepubliceerd dossier", Slug = TestContent.UniqueSlug("dossier"), Intro = "<p>Inleiding.</p>", Items = [articleKey, eventKey] },
        };
        var key = await SaveAsync(body, publish: true);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);

        var preview = new HtmlParser().ParseDocument(await client.GetStringAsync($"/beheer/inhoud/voorbeeld/{key}", Ct));
        var live = new HtmlParser().ParseDocument(await BackOfficeUsers.Client(app).GetStringAsync(Web.Site.ContentUrls.For(type, body.Slug), Ct));

        Assert.Contains("Voorbeeld — dit is de gepubliceerde versie.", preview.QuerySelector(".kp-preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(live.QuerySelector("main article")!.OuterHtml, preview.QuerySelector("main article")!.OuterHtml);
        Assert.Equal(live.QuerySelector("main nav.kp-breadcrumbs")!.OuterHtml, preview.QuerySelector("main nav.kp-breadcrumbs")!.OuterHtml);
    }

    [Fact]
    public async Task The_preview_is_never_served_from_a_cache()
    {
        var body = TestContent.Event(title: "Eerste versie");
        var key = await SaveAsync(body, publish: true);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using var reader = BackOfficeUsers.Client(app);
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("Eerste versie", await reader.GetStringAsync($"/agenda/{body.Slug}", Ct), StringComparison.Ordinal); // fills the output cache
            Assert.Contains("Eerste versie", await client.GetStringAsync($"/beheer/inhoud/voorbeeld/{key}", Ct), StringComparison.Ordinal);
        }

        await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(key, body with { Title = "Tweede versie" }, "test"), Ct));

        var preview = await client.GetStringAsync($"/beheer/inhoud/voorbeeld/{key}", Ct);
        Assert.Contains("Tweede versie", preview, StringComparison.Ordinal);
        Assert.Contains("Voorbeeld — niet gepubliceerd.", preview, StringComparison.Ordinal);
        Assert.Contains("Eerste versie", await reader.GetStringAsync($"/agenda/{body.Slug}", Ct), StringComparison.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<Guid> SaveAsync(ContentBody body, bool publish = false) => app.InScopeAsync(async sp =>
    {
        var saved = await sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "test"), Ct);
        if (publish)
        {
            await sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, "test"), Ct);
        }

        return saved.Key;
    });

    private Task<Guid> AddPersonAsync(string name) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var person = new Person { Key = Guid.NewGuid(), Slug = TestContent.UniqueSlug(Slugs.From(name)), Name = name };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Key;
    });

    private Task<MediaItem> UploadPdfAsync() => app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
        .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Pdf), "presentatie.pdf", null, null, "test"), Ct));
}

public sealed class PreviewTests_Sqlite(SqliteFixture fixture) : PreviewTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PreviewTests_Postgres(PostgresFixture fixture) : PreviewTests(fixture), IClassFixture<PostgresFixture>;
