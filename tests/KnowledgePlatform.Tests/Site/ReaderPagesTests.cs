using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Site;

/// <summary>Speaker, theme, region and newsletter pages on content each test makes, on each provider.</summary>
public abstract class ReaderPagesTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private readonly ReaderContent content = new(fixture.Factory);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Speaker_page_shows_the_person_and_every_published_item_they_take_part_in()
    {
        var person = await content.PersonAsync("Anna de Vries", "Prof. dr.", "hoogleraar Sociaal Werk", "Anna onderzoekt wijkteams.\n\nZe schrijft ook.", "https://example.org/anna.jpg");
        var other = await content.PersonAsync("Bram Jansen");
        var symposium = ReaderContent.Event("Symposium wijkteams", ReaderContent.At(2031, 2, 1)) with
        {
            Programme = [new ProgrammeItem { Title = "Opening" }, new ProgrammeItem { Title = "Lezing over wijkteams", Speakers = [person.Key, other.Key] }],
        };
        var eventKey = await content.PublishAsync(symposium);
        await content.PublishAsync(new MeetingReportContent { Title = "Verslag van het symposium", Slug = TestContent.UniqueSlug("verslag"), Event = eventKey, Authors = [person.Key] });
        await content.PublishAsync(TestContent.Article(title: "Artikel van Anna") with { Authors = [person.Key] });
        await content.SaveAsync(TestContent.Article(title: "Concept van Anna") with { Authors = [person.Key] });
        await content.TakeOfflineAsync(await content.PublishAsync(TestContent.Article(title: "Offline van Anna") with { Authors = [person.Key] }));

        var page = await HtmlPage.GetAsync(client, $"/sprekers/{person.Slug}");
        Assert.Equal(["Prof. dr. Anna de Vries"], page.Texts("h1"));
        Assert.Contains("hoogleraar Sociaal Werk", page.Texts(".kp-lead").Single(), StringComparison.Ordinal);
        Assert.Equal(["Anna onderzoekt wijkteams.", "Ze schrijft ook."], page.Texts(".kp-prose p"));
        Assert.Equal("Foto van Prof. dr. Anna de Vries", page.Document.QuerySelector("img[src='https://example.org/anna.jpg']")?.GetAttribute("alt"));
        Assert.Equal(["Symposium wijkteams"], page.Texts("section[aria-labelledby='bijeenkomsten'] .kp-card__title"));
        Assert.Equal(["Programmaonderdeel: Lezing over wijkteams"], page.Texts("section[aria-labelledby='bijeenkomsten'] .kp-card__summary"));
        Assert.Equal(["Artikel van Anna", "Verslag van het symposium"], page.Texts("section[aria-labelledby='publicaties'] .kp-card__title").Order(StringComparer.Ordinal));
        Assert.Null(page.Document.QuerySelector("meta[name='robots']"));
        page.AssertWellFormed();

        var eventPage = await HtmlPage.GetAsync(client, $"/agenda/{symposium.Slug}");
        Assert.Contains($"/sprekers/{person.Slug}", eventPage.Hrefs(".kp-programme__speakers a"));
        Assert.Contains($"/sprekers/{other.Slug}", eventPage.Hrefs("section[aria-labelledby='sprekers'] a"));
    }

    [Fact]
    public async Task A_person_named_in_nothing_published_has_a_page_kept_out_of_search_engines_and_an_unknown_one_is_404()
    {
        var person = await content.PersonAsync("Carla Smit", role: "beleidsadviseur");
        await content.SaveAsync(ReaderContent.Event("Nog geheim", ReaderContent.At(2031, 1, 1)) with { Speakers = [person.Key] });

        var page = await HtmlPage.GetAsync(client, $"/sprekers/{person.Slug}");
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
        Assert.Empty(page.CardTitles);
        Assert.DoesNotContain("Nog geheim", page.Document.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sprekers/bestaat-niet", Ct)).StatusCode);
    }

    [Fact]
    public async Task Theme_page_shows_upcoming_events_first_then_everything_else_newest_first_and_paged()
    {
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Wijkteams");
        await content.PublishAsync(ReaderContent.Event("Later gepland", ReaderContent.At(2031, 5, 1), theme));
        await content.PublishAsync(ReaderContent.Event("Eerst gepland", ReaderContent.At(2031, 4, 1), theme));
        for (var month = 1; month <= 12; month++)
        {
            await content.PublishAsync(ReaderContent.Event($"Geweest {month:00}", ReaderContent.At(2019, month, 1), theme));
        }

        await content.PublishAsync(TestContent.Article(title: "Artikel over wijkteams") with { Terms = [theme.Key] });
        await content.SaveAsync(TestContent.Article(title: "Concept over wijkteams") with { Terms = [theme.Key] });

        var page = await HtmlPage.GetAsync(client, $"/themas/{theme.Slug}");
        Assert.Equal(["Wijkteams"], page.Texts("h1"));
        Assert.Equal(["Eerst gepland", "Later gepland"], page.Texts("section[aria-labelledby='binnenkort'] .kp-card__title"));
        Assert.Contains($"/agenda?thema={theme.Slug}", page.Hrefs("section[aria-labelledby='binnenkort'] a"));
        var rest = page.Texts("section[aria-labelledby='alles'] .kp-card__title");
        Assert.Equal(["Artikel over wijkteams", .. Enumerable.Range(2, 11).Reverse().Select(m => $"Geweest {m:00}")], rest);
        page.AssertWellFormed();

        var second = await HtmlPage.GetAsync(client, $"/themas/{theme.Slug}?pagina=2");
        Assert.Empty(second.Texts("section[aria-labelledby='binnenkort']"));
        Assert.Equal(["Geweest 01"], second.Texts("section[aria-labelledby='alles'] .kp-card__title"));
        Assert.DoesNotContain("Concept over wijkteams", page.Document.Body!.TextContent + second.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_and_region_overviews_list_each_term_with_something_published_and_how_much_its_page_shows()
    {
        var busy = await content.TermAsync(Vocabulary.ThemeAlias, "Schuldhulp");
        var quiet = await content.TermAsync(Vocabulary.ThemeAlias, "Alleen concepten");
        var region = await content.TermAsync(Vocabulary.RegionAlias, "Noord-Veluwe");
        await content.PublishAsync(ReaderContent.Event("Schuldhulp in de wijk", ReaderContent.At(2031, 3, 1), busy, region));
        await content.PublishAsync(ReaderContent.Event("Schuldhulp vorig jaar", ReaderContent.At(2019, 3, 1), busy));
        await content.PublishAsync(TestContent.Article(title: "Artikel over schulden") with { Terms = [busy.Key] });
        await content.SaveAsync(TestContent.Article(title: "Concept over schulden") with { Terms = [busy.Key, quiet.Key] });
        await content.TakeOfflineAsync(await content.PublishAsync(TestContent.Article(title: "Offline over schulden") with { Terms = [busy.Key, quiet.Key] }));

        var themes = await HtmlPage.GetAsync(client, "/themas");
        Assert.Equal(["Thema's"], themes.Texts("h1"));
        var entry = themes.Document.QuerySelectorAll("main li").Single(li => li.QuerySelector("a")?.GetAttribute("href") == $"/themas/{busy.Slug}");
        Assert.Equal("Schuldhulp (3)", entry.TextContent.Trim());
        Assert.DoesNotContain($"/themas/{quiet.Slug}", themes.Hrefs("main a"));
        Assert.DoesNotContain($"/regios/{region.Slug}", themes.Hrefs("main a"));
        themes.AssertWellFormed();

        var regions = await HtmlPage.GetAsync(client, "/regios");
        Assert.Equal(["Regio's"], regions.Texts("h1"));
        Assert.Contains($"/regios/{region.Slug}", regions.Hrefs("main a"));
        Assert.DoesNotContain($"/themas/{busy.Slug}", regions.Hrefs("main a"));

        // The count is what the theme's page lists: its upcoming events plus everything else.
        var page = await HtmlPage.GetAsync(client, $"/themas/{busy.Slug}");
        Assert.Equal(3, page.CardTitles.Count);
        Assert.Equal(["/", "/themas"], page.Hrefs(".kp-breadcrumbs a"));
        Assert.Equal(["/", "/regios"], (await HtmlPage.GetAsync(client, $"/regios/{region.Slug}")).Hrefs(".kp-breadcrumbs a"));
    }

    [Fact]
    public async Task Region_page_lists_what_is_tagged_with_the_region_and_unknown_or_mixed_up_slugs_are_404()
    {
        var region = await content.TermAsync(Vocabulary.RegionAlias, "Zeeland");
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Zorg");
        await content.PublishAsync(new MeetingReportContent { Title = "Verslag uit Zeeland", Slug = TestContent.UniqueSlug("verslag"), Terms = [region.Key] });

        var page = await HtmlPage.GetAsync(client, $"/regios/{region.Slug}");
        Assert.Equal(["Zeeland"], page.Texts("h1"));
        Assert.Equal(["Verslag uit Zeeland"], page.CardTitles);
        page.AssertWellFormed();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/regios/bestaat-niet", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/themas/bestaat-niet", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/regios/{theme.Slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/themas/{region.Slug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Newsletter_archive_lists_published_issues_and_an_issue_shows_only_published_items()
    {
        var shown = await content.PublishAsync(TestContent.Article(title: "Artikel in de nieuwsbrief"));
        var hidden = await content.PublishAsync(TestContent.Article(title: "Later offline gehaald"));
        await content.TakeOfflineAsync(hidden);
        var issue = new NewsletterIssueContent
        {
            Title = "Nieuwsbrief testeditie", Slug = TestContent.UniqueSlug("nieuwsbrief"), Preheader = "Het nieuws van deze maand.",
            Intro = "<p>Welkom bij deze editie.</p>",
            Sections = [new NewsletterSection { Title = "Lezen", Items = [shown, hidden] }, new NewsletterSection { Title = "Leeg", Items = [hidden] }],
        };
        await content.PublishAsync(issue);
        await content.SaveAsync(issue with { Title = "Nieuwsbrief concept", Slug = TestContent.UniqueSlug("nieuwsbrief") });

        await Eventually.AssertAsync(async () =>
        {
            var archive = await HtmlPage.GetAsync(client, "/nieuwsbrief");
            Assert.Contains("Nieuwsbrief testeditie", archive.CardTitles);
            Assert.DoesNotContain("Nieuwsbrief concept", archive.CardTitles);
            archive.AssertWellFormed();
        });

        var page = await HtmlPage.GetAsync(client, $"/nieuwsbrief/{issue.Slug}");
        Assert.Equal(["Nieuwsbrief testeditie"], page.Texts("h1"));
        Assert.Equal(["Het nieuws van deze maand."], page.Texts(".kp-lead"));
        Assert.Equal(["Lezen"], page.Texts("article h2"));
        Assert.Equal(["Artikel in de nieuwsbrief"], page.CardTitles);
        page.AssertWellFormed();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nieuwsbrief/bestaat-niet", Ct)).StatusCode);
    }
}

public sealed class ReaderPagesTests_Sqlite(SqliteFixture fixture) : ReaderPagesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ReaderPagesTests_Postgres(PostgresFixture fixture) : ReaderPagesTests(fixture), IClassFixture<PostgresFixture>;
