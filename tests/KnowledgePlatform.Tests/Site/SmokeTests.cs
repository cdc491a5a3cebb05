using System.Net;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Site;

/// <summary>The demo site, as a reader first sees it after the run command, on each provider.</summary>
public abstract class SmokeTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_page_shows_seed_events_in_dutch()
    {
        var html = await client.GetStringAsync("/", Ct);

        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("VU Divosa Collegereeks 2020: Patronen doorbreken", html, StringComparison.Ordinal);
        Assert.Contains("Kansrijke kiemen", html, StringComparison.Ordinal);
        Assert.Contains("Dossier op Sociale Vraagstukken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_page_shows_date_venue_programme_and_speakers()
    {
        var html = await client.GetStringAsync("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", Ct);

        Assert.Contains("dinsdag 6 oktober 2020, 19:00 – 21:30", html, StringComparison.Ordinal);
        Assert.Contains("Cursus- en Vergadercentrum Domstad", html, StringComparison.Ordinal);
        Assert.Contains("College 9. Politieke druk, bureaucratische routines en beleidsvrijheid", html, StringComparison.Ordinal);
        Assert.Contains("Dr. Jan-Kees Helderman", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workshop_page_links_to_its_published_report()
    {
        var html = await client.GetStringAsync("/agenda/werkbijeenkomst-sturing-en-control-in-het-sociaal-domein", Ct);

        Assert.Contains("Het verslag is online", html, StringComparison.Ordinal);
        Assert.Contains("/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_and_article_pages_render()
    {
        var report = await client.GetStringAsync("/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein", Ct);
        Assert.Contains("Geef aandacht en ruimte voor datagedreven sturing", report, StringComparison.Ordinal);

        var article = await client.GetStringAsync("/artikelen/vorm-inhoud-en-relaties", Ct);
        Assert.Contains("De Werkplaatsen hebben drie kenmerkende krachtlijnen", article, StringComparison.Ordinal);
        Assert.Contains("Dossier op Sociale Vraagstukken", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_get_a_dutch_404_with_search()
    {
        var response = await client.GetAsync("/agenda/bestaat-niet", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/zoeken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ready_reports_the_database_reachable()
    {
        var response = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_assets_are_served_with_long_caching_when_fingerprinted()
    {
        var html = await client.GetStringAsync("/", Ct);
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/dist/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(css);

        var response = await client.GetAsync(css, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SmokeTests_Sqlite(SqliteDemoFixture fixture) : SmokeTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class SmokeTests_Postgres(PostgresDemoFixture fixture) : SmokeTests(fixture), IClassFixture<PostgresDemoFixture>;
