using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Site;

/// <summary>Canonical URL, Open Graph and Twitter card in every page's head, on each provider.</summary>
public abstract class HeadMetadataTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "Kennisplatform Sociaal Domein", "website")]
    [InlineData("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", "VU Divosa Collegereeks 2020: Patronen doorbreken", "website")]
    [InlineData("/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein", "Werkbijeenkomst JS Consultancy ‘sturing en control sociaal domein’ 100.000+ gemeenten", "article")]
    [InlineData("/artikelen/vorm-inhoud-en-relaties", "Vorm, inhoud en relaties", "article")]
    [InlineData("/dossiers/dossier-op-sociale-vraagstukken", "Dossier op Sociale Vraagstukken", "website")]
    public async Task Pages_have_a_canonical_url_open_graph_and_twitter_card(string path, string title, string type)
    {
        var head = await HeadAsync(path);

        Assert.Equal("http://localhost:5000" + path, head.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("http://localhost:5000" + path, Meta(head, "og:url"));
        Assert.Equal(title, Meta(head, "og:title"));
        Assert.Equal(type, Meta(head, "og:type"));
        Assert.Equal("Kennisplatform Sociaal Domein", Meta(head, "og:site_name"));
        Assert.Equal("nl_NL", Meta(head, "og:locale"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(head, "og:description")));
        Assert.Equal("summary", head.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Equal(title, head.QuerySelector("meta[name='twitter:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Canonical_drops_the_query_string_and_a_404_has_none()
    {
        var home = await HeadAsync("/?utm_source=nieuwsbrief");
        Assert.Equal("http://localhost:5000/", home.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));

        var response = await client.GetAsync("/agenda/bestaat-niet", Ct);
        var notFound = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(notFound.QuerySelector("link[rel=canonical]"));
    }

    private async Task<IElement> HeadAsync(string path) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(path, Ct)).Head!;

    private static string? Meta(IElement head, string property) =>
        head.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

public sealed class HeadMetadataTests_Sqlite(SqliteDemoFixture fixture) : HeadMetadataTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class HeadMetadataTests_Postgres(PostgresDemoFixture fixture) : HeadMetadataTests(fixture), IClassFixture<PostgresDemoFixture>;
