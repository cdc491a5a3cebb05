using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// The agenda's periods, filters and counts, on content each test makes (events in 2031,
/// far ahead, and in 2019). Every test tags its events with a theme of its own and filters on it,
/// so the counts it checks are its own even though the test class shares one database.
/// </summary>
public abstract class AgendaTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private readonly ReaderContent content = new(fixture.Factory);

    [Fact]
    public async Task Upcoming_events_come_soonest_first_and_past_events_only_on_request_newest_first()
    {
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Periodes");
        await content.PublishAsync(ReaderContent.Event("Maart 2031", ReaderContent.At(2031, 3, 5), theme));
        await content.PublishAsync(ReaderContent.Event("Januari 2031", ReaderContent.At(2031, 1, 20), theme));
        await content.PublishAsync(ReaderContent.Event("Mei 2019", ReaderContent.At(2019, 5, 1), theme));
        await content.PublishAsync(ReaderContent.Event("Juli 2019", ReaderContent.At(2019, 7, 1), theme));

        var upcoming = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}");
        Assert.Equal(["Januari 2031", "Maart 2031"], upcoming.AgendaTitles);
        Assert.Equal(["2 komende bijeenkomsten"], upcoming.Texts("#resultaten"));
        upcoming.AssertWellFormed();

        var past = await HtmlPage.GetAsync(client, $"/agenda?periode=verleden&thema={theme.Slug}");
        Assert.Equal(["Juli 2019", "Mei 2019"], past.AgendaTitles);
        Assert.Equal("true", past.Document.QuerySelector("a[aria-current='true']")?.GetAttribute("aria-current"));
        Assert.Equal(["Eerdere bijeenkomsten"], past.Texts("a[aria-current='true']"));
        past.AssertWellFormed();
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_and_combines_with_the_others()
    {
        var (theme, north, south) = await ThemeAndRegionsAsync("Combinaties");
        await content.PublishAsync(ReaderContent.Event("Noord februari", ReaderContent.At(2031, 2, 3), theme, north));
        await content.PublishAsync(ReaderContent.Event("Noord online april", ReaderContent.At(2031, 4, 3), theme, north) with { OnlineUrl = "https://example.org/live" });
        await content.PublishAsync(ReaderContent.Workshop("Zuid werkplaats februari", ReaderContent.At(2031, 2, 10), theme, south));
        await content.PublishAsync(ReaderContent.Event("Zuid en noord april", ReaderContent.At(2031, 4, 20), theme, north, south));

        async Task<List<string>> Titles(string query) => (await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}&{query}")).AgendaTitles;

        Assert.Equal(["Zuid werkplaats februari"], await Titles("soort=werkbijeenkomst"));
        Assert.Equal(["Noord online april"], await Titles("soort=online"));
        Assert.Equal(["Zuid werkplaats februari", "Noord online april"], await Titles("soort=werkbijeenkomst&soort=online"));
        Assert.Equal(["Noord februari", "Zuid werkplaats februari"], await Titles("maand=2031-02"));
        Assert.Equal(["Zuid werkplaats februari", "Zuid en noord april"], await Titles($"regio={south.Slug}"));
        Assert.Equal(["Noord februari", "Zuid werkplaats februari", "Noord online april", "Zuid en noord april"],
            await Titles($"regio={south.Slug}&regio={north.Slug}"));
        Assert.Equal(["Zuid en noord april"], await Titles($"regio={south.Slug}&maand=2031-04"));
        Assert.Equal(["Noord online april"], await Titles($"regio={north.Slug}&soort=online&maand=2031-04"));
    }

    [Fact]
    public async Task Each_option_counts_what_choosing_it_would_show_given_the_other_filters()
    {
        var (theme, north, south) = await ThemeAndRegionsAsync("Tellingen");
        await content.PublishAsync(ReaderContent.Event("Noord februari", ReaderContent.At(2031, 2, 3), theme, north));
        await content.PublishAsync(ReaderContent.Event("Noord online april", ReaderContent.At(2031, 4, 3), theme, north) with { OnlineUrl = "https://example.org/live" });
        await content.PublishAsync(ReaderContent.Workshop("Zuid werkplaats februari", ReaderContent.At(2031, 2, 10), theme, south));

        var page = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}");
        Assert.Equal((3, true), page.Option("thema", theme.Slug));
        Assert.Equal((2, false), page.Option("regio", north.Slug));
        Assert.Equal((1, false), page.Option("regio", south.Slug));
        Assert.Equal((2, false), page.Option("soort", "bijeenkomst"));
        Assert.Equal((1, false), page.Option("soort", "werkbijeenkomst"));
        Assert.Equal((1, false), page.Option("soort", "online"));
        Assert.Equal((2, false), page.Option("maand", "2031-02"));
        Assert.Equal((1, false), page.Option("maand", "2031-04"));

        // With the north chosen, the other filters count within the north; the regions still count
        // what each region would show, as choosing one more region adds to the list.
        var northOnly = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}&regio={north.Slug}");
        Assert.Equal((2, true), northOnly.Option("regio", north.Slug));
        Assert.Equal((1, false), northOnly.Option("regio", south.Slug));
        Assert.Equal((2, false), northOnly.Option("soort", "bijeenkomst"));
        Assert.Null(northOnly.Option("soort", "werkbijeenkomst"));
        Assert.Equal((1, false), northOnly.Option("maand", "2031-02"));
        Assert.Equal(["Noord februari", "Noord online april"], northOnly.AgendaTitles);
    }

    [Fact]
    public async Task An_event_late_on_a_months_last_evening_counts_and_filters_under_that_month_in_amsterdam()
    {
        // Amsterdam times (summer time UTC+2 in March after the 30th, winter time UTC+1 after 26 October):
        // 21:30 and 22:30 UTC, where reading the other season's offset would move them to the next month.
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Maandgrens");
        await content.PublishAsync(ReaderContent.Event("Laat op 31 maart", new DateTimeOffset(2031, 3, 31, 23, 30, 0, TimeSpan.FromHours(2)), theme));
        await content.PublishAsync(ReaderContent.Event("Laat op 31 oktober", new DateTimeOffset(2031, 10, 31, 23, 30, 0, TimeSpan.FromHours(1)), theme));
        await content.PublishAsync(ReaderContent.Event("Middernacht 1 november", new DateTimeOffset(2031, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)), theme));

        var page = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}");
        Assert.Equal((1, false), page.Option("maand", "2031-03"));
        Assert.Equal((1, false), page.Option("maand", "2031-10"));
        Assert.Equal((1, false), page.Option("maand", "2031-11"));
        Assert.Equal(["Laat op 31 oktober"], (await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}&maand=2031-10")).AgendaTitles);
        Assert.Equal(["Middernacht 1 november"], (await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}&maand=2031-11")).AgendaTitles);
    }

    [Fact]
    public async Task A_chosen_value_without_events_stays_visible_with_a_count_of_zero()
    {
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Nul");
        var emptyTheme = await content.TermAsync(Vocabulary.ThemeAlias, "Leeg thema");
        await content.PublishAsync(ReaderContent.Event("Alleen maart", ReaderContent.At(2031, 3, 5), theme));

        var page = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}&maand=2031-12");
        Assert.Equal((0, true), page.Option("maand", "2031-12"));
        Assert.Equal((1, false), page.Option("maand", "2031-03"));
        Assert.Empty(page.AgendaTitles);
        Assert.Contains("Er zijn geen komende bijeenkomsten die aan uw keuze voldoen.", page.Texts("section[aria-labelledby='resultaten'] p")[0], StringComparison.Ordinal);

        var withEmptyTheme = await HtmlPage.GetAsync(client, $"/agenda?thema={emptyTheme.Slug}");
        Assert.Equal((0, true), withEmptyTheme.Option("thema", emptyTheme.Slug));
    }

    [Fact]
    public async Task Drafts_offline_and_archived_events_are_neither_listed_nor_counted()
    {
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Alleen gepubliceerd");
        await content.PublishAsync(ReaderContent.Event("Gepubliceerd", ReaderContent.At(2031, 6, 1), theme));
        await content.SaveAsync(ReaderContent.Event("Concept", ReaderContent.At(2031, 6, 2), theme));
        await content.TakeOfflineAsync(await content.PublishAsync(ReaderContent.Event("Offline", ReaderContent.At(2031, 6, 3), theme)));
        await content.TakeOfflineAsync(await content.PublishAsync(ReaderContent.Event("Gearchiveerd", ReaderContent.At(2031, 6, 4), theme)), ContentStatus.Archived);

        var page = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}");
        Assert.Equal(["Gepubliceerd"], page.AgendaTitles);
        Assert.Equal((1, true), page.Option("thema", theme.Slug));
        Assert.Equal((1, false), page.Option("maand", "2031-06"));
    }

    private async Task<(Term Theme, Term North, Term South)> ThemeAndRegionsAsync(string name) => (
        await content.TermAsync(Vocabulary.ThemeAlias, name),
        await content.TermAsync(Vocabulary.RegionAlias, $"{name} noord"),
        await content.TermAsync(Vocabulary.RegionAlias, $"{name} zuid"));
}

public sealed class AgendaTests_Sqlite(SqliteFixture fixture) : AgendaTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AgendaTests_Postgres(PostgresFixture fixture) : AgendaTests(fixture), IClassFixture<PostgresFixture>;
