using System.Xml.Linq;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgePlatform.Tests.Site;

/// <summary>The Atom feeds on the demo site, on each provider.</summary>
public abstract class FeedTests(PlatformFixture fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_feed_is_atom_with_the_published_reports_and_articles_only()
    {
        var feed = await FeedAsync("/feeds/verslagen.xml");

        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.Equal("http://localhost:5000/feeds/verslagen.xml", feed.Root.Element(Atom + "id")?.Value);
        Assert.Equal(
            ["http://localhost:5000/artikelen/vorm-inhoud-en-relaties",
             "http://localhost:5000/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein"],
            Links(feed).Order(StringComparer.Ordinal));
        Assert.All(feed.Root.Elements(Atom + "entry"), entry =>
        {
            Assert.StartsWith("urn:uuid:", entry.Element(Atom + "id")?.Value, StringComparison.Ordinal);
            Assert.NotNull(entry.Element(Atom + "updated"));
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
        });
    }

    [Fact]
    public async Task Agenda_feed_holds_events_and_workshops_with_when_and_where()
    {
        var feed = await FeedAsync("/feeds/agenda.xml");

        var links = Links(feed).ToList();
        Assert.Contains("http://localhost:5000/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", links);
        Assert.Contains("http://localhost:5000/agenda/werkbijeenkomst-sturing-en-control-in-het-sociaal-domein", links);
        Assert.All(links, l => Assert.StartsWith("http://localhost:5000/agenda/", l, StringComparison.Ordinal));
        var summary = feed.Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "link")?.Attribute("href")?.Value.EndsWith("patronen-doorbreken", StringComparison.Ordinal) == true)
            .Element(Atom + "summary")!.Value;
        Assert.StartsWith("dinsdag 6 oktober 2020, 19:00 – 21:30 · Utrecht", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublished_item_disappears_from_the_feeds_and_a_draft_never_shows()
    {
        var jeugd = await app.TermAsync("thema", "jeugd");
        var article = TestContent.Article(title: "Feedtest artikel") with { Terms = [jeugd] };
        var key = await app.PublishAsync(article);
        var draft = TestContent.Article(title: "Feedtest concept") with { Terms = [jeugd] };
        await app.SaveAsync(draft);
        var url = $"http://localhost:5000/artikelen/{article.Slug}";

        await Eventually.AssertAsync(async () =>
        {
            Assert.Contains(url, Links(await FeedAsync("/feeds/verslagen.xml")));
            Assert.Contains(url, Links(await FeedAsync("/feeds/themas/jeugd.xml")));
        });
        Assert.DoesNotContain(Links(await FeedAsync("/feeds/themas/jeugd.xml")), l => l.EndsWith(draft.Slug, StringComparison.Ordinal));

        await app.UnpublishAsync(key);

        await Eventually.AssertAsync(async () =>
        {
            Assert.DoesNotContain(url, Links(await FeedAsync("/feeds/verslagen.xml")));
            Assert.DoesNotContain(url, Links(await FeedAsync("/feeds/themas/jeugd.xml")));
        });
    }

    [Fact]
    public async Task Theme_feed_holds_only_items_with_that_theme_and_unknown_themes_are_404()
    {
        var feed = await FeedAsync("/feeds/themas/informatievoorziening.xml");

        Assert.Contains("Informatievoorziening", feed.Root!.Element(Atom + "title")?.Value, StringComparison.Ordinal);
        Assert.All(feed.Root.Elements(Atom + "entry"), e =>
            Assert.Contains(e.Elements(Atom + "category"), c => c.Attribute("term")?.Value == "informatievoorziening"));
        Assert.NotEmpty(feed.Root.Elements(Atom + "entry"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/feeds/themas/bestaat-niet.xml", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/feeds/themas/utrecht.xml", Ct)).StatusCode); // a region
    }

    [Fact]
    public async Task Agenda_feed_per_theme_holds_only_events_with_that_theme_and_unknown_themes_are_404()
    {
        var all = await FeedAsync("/feeds/agenda.xml");
        var feed = await FeedAsync("/feeds/agenda.xml?thema=informatievoorziening");

        Assert.Contains("Agenda, thema Informatievoorziening", feed.Root!.Element(Atom + "title")?.Value, StringComparison.Ordinal);
        Assert.Equal("http://localhost:5000/feeds/agenda.xml?thema=informatievoorziening",
            feed.Root.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")?.Value);
        Assert.NotEmpty(feed.Root.Elements(Atom + "entry"));
        Assert.All(feed.Root.Elements(Atom + "entry"), e =>
            Assert.Contains(e.Elements(Atom + "category"), c => c.Attribute("term")?.Value == "informatievoorziening"));
        Assert.All(Links(feed), l => Assert.StartsWith("http://localhost:5000/agenda/", l, StringComparison.Ordinal));
        Assert.True(Links(feed).Count() < Links(all).Count(), "the theme leaves some events out");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/feeds/agenda.xml?thema=bestaat-niet", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/feeds/agenda.xml?thema=utrecht", Ct)).StatusCode); // a region
    }

    [Fact]
    public async Task Links_come_from_Site_BaseUrl_not_from_the_request()
    {
        using var other = app.WithWebHostBuilder(b => b.UseSetting("Site:BaseUrl", "https://kennis.example.nl/"));
        var xml = await other.CreateClient().GetStringAsync("/feeds/verslagen.xml", Ct);

        var feed = XDocument.Parse(xml);
        Assert.All(Links(feed), l => Assert.StartsWith("https://kennis.example.nl/", l, StringComparison.Ordinal));
        Assert.Equal("https://kennis.example.nl/feeds/verslagen.xml",
            feed.Root!.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")?.Value);
    }

    [Fact]
    public async Task Pages_announce_the_feeds_in_their_head()
    {
        var html = await client.GetStringAsync("/", Ct);

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Verslagen en artikelen\" href=\"/feeds/verslagen.xml\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Agenda\" href=\"/feeds/agenda.xml\">", html, StringComparison.Ordinal);
    }

    private async Task<XDocument> FeedAsync(string path)
    {
        var response = await client.GetAsync(path, Ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private static IEnumerable<string> Links(XDocument feed) =>
        feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value);
}

public sealed class FeedTests_Sqlite(SqliteDemoFixture fixture) : FeedTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class FeedTests_Postgres(PostgresDemoFixture fixture) : FeedTests(fixture), IClassFixture<PostgresDemoFixture>;
