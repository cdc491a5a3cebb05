using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// The reader pages over the demo content (uSync/), as the run command shows them. The seed
/// events all lie in 2016–2020; the only upcoming one is the demo workshop (2027) for trying
/// registrations. Read-only: nothing is changed.
/// </summary>
public abstract class DemoReaderPagesTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/agenda")]
    [InlineData("/agenda?periode=verleden")]
    [InlineData("/agenda?thema=jeugd&soort=bijeenkomst")]
    [InlineData("/verslagen")]
    [InlineData("/dossiers")]
    [InlineData("/nieuwsbrief")]
    [InlineData("/nieuwsbrief/nieuwsbrief-mei-2017")]
    [InlineData("/sprekers/jan-kees-helderman")]
    [InlineData("/sprekers/pieter-veen")]
    [InlineData("/themas/sturing-en-verantwoording")]
    [InlineData("/regios/utrecht")]
    [InlineData("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken")]
    [InlineData("/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein")]
    [InlineData("/artikelen/vorm-inhoud-en-relaties")]
    [InlineData("/dossiers/dossier-op-sociale-vraagstukken")]
    public async Task Reader_page_has_a_title_one_h1_ordered_headings_breadcrumbs_and_no_razor_leftovers(string url)
    {
        var page = await HtmlPage.GetAsync(client, url);

        page.AssertWellFormed(breadcrumbs: url != "/");

        Assert.DoesNotContain("@if", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_agenda_plans_only_the_demo_workshop_and_shows_the_seed_events_newest_first_under_past()
    {
        var upcoming = await HtmlPage.GetAsync(client, "/agenda");
        Assert.Empty(upcoming.Texts(".utrecht-alert"));
        Assert.Equal(["Demo: werkplaats lerende praktijk (aanmelden uitproberen)"], upcoming.AgendaTitles);

        var page = await HtmlPage.GetAsync(client, "/agenda?periode=verleden");
        Assert.Equal(
            ["Kansrijke kiemen – samen het verschil maken in het sociaal domein", "VU Divosa Collegereeks 2020: Patronen doorbreken",
             "Werkbijeenkomst sturing en control in het sociaal domein", "Verantwoorden in tijden van verandering; op zoek naar nieuwe vormen van samensturing",
             "Studiebijeenkomst Een nieuw samenspel"],
            page.AgendaTitles);
        Assert.Equal((1, false), page.Option("soort", "online"));
        Assert.Equal((1, false), page.Option("soort", "werkbijeenkomst"));
        Assert.Equal((2, false), page.Option("maand", "2020-10"));
    }

    [Fact]
    public async Task Lists_of_reports_dossiers_and_newsletters_show_the_demo_items()
    {
        Assert.Equal(["Werkbijeenkomst JS Consultancy ‘sturing en control sociaal domein’ 100.000+ gemeenten"],
            (await HtmlPage.GetAsync(client, "/verslagen")).CardTitles);
        var dossiers = await HtmlPage.GetAsync(client, "/dossiers");
        Assert.Equal(["Dossier op Sociale Vraagstukken"], dossiers.CardTitles);
        Assert.StartsWith("In een dossier over de Werkplaatsen", dossiers.Texts(".kp-card__summary").Single(), StringComparison.Ordinal);
        Assert.Equal(["Nieuwsbrief mei 2017"], (await HtmlPage.GetAsync(client, "/nieuwsbrief")).CardTitles);
    }

    [Fact]
    public async Task Speaker_page_lists_the_event_and_programme_item_and_the_event_links_back()
    {
        var speaker = await HtmlPage.GetAsync(client, "/sprekers/jan-kees-helderman");
        Assert.Equal(["Dr. Jan-Kees Helderman"], speaker.Texts("h1"));
        Assert.Equal(["VU Divosa Collegereeks 2020: Patronen doorbreken"], speaker.CardTitles);
        Assert.Equal(["Programmaonderdeel: College 9. Politieke druk, bureaucratische routines en beleidsvrijheid"], speaker.Texts(".kp-card__summary"));

        var eventPage = await HtmlPage.GetAsync(client, "/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken");
        Assert.Contains("/sprekers/jan-kees-helderman", eventPage.Hrefs(".kp-programme__speakers a"));
        Assert.Contains("/sprekers/jan-kees-helderman", eventPage.Hrefs("section[aria-labelledby='sprekers'] a"));
        var workshop = await HtmlPage.GetAsync(client, "/agenda/werkbijeenkomst-sturing-en-control-in-het-sociaal-domein");
        Assert.Contains("/sprekers/pieter-veen", workshop.Hrefs(".kp-event-facts a"));
    }

    [Fact]
    public async Task Home_links_to_the_agenda_and_the_lists()
    {
        var home = await HtmlPage.GetAsync(client, "/");
        var links = home.Document.QuerySelectorAll("main a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();

        Assert.Contains(("Alle bijeenkomsten", "/agenda"), links);
        Assert.Contains(("Alle verslagen", "/verslagen"), links);
        Assert.Contains(("Alle dossiers", "/dossiers"), links);
    }
}

public sealed class DemoReaderPagesTests_Sqlite(SqliteDemoFixture fixture) : DemoReaderPagesTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class DemoReaderPagesTests_Postgres(PostgresDemoFixture fixture) : DemoReaderPagesTests(fixture), IClassFixture<PostgresDemoFixture>;
