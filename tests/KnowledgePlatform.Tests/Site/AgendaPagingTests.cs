using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Site;

/// <summary>The agenda's pages and its output cache, on events in 2031 tagged with a theme of each test's own.</summary>
public abstract class AgendaPagingTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private readonly ReaderContent content = new(fixture.Factory);

    [Fact]
    public async Task Twelve_events_per_page_with_accessible_pagination_that_keeps_the_filters()
    {
        var theme = await content.TermAsync(Vocabulary.ThemeAlias, "Paginas");
        for (var day = 1; day <= 14; day++)
        {
            await content.PublishAsync(ReaderContent.Event($"Dag {day:00}", ReaderContent.At(2031, 5, day), theme));
        }

        var first = await HtmlPage.GetAsync(client, $"/agenda?thema={theme.Slug}");
        Assert.Equal([.. Enumerable.Range(1, 12).Select(d => $"Dag {d:00}")], first.AgendaTitles);
        var nav = first.Document.QuerySelector("nav[aria-label='Paginering']");
        Assert.NotNull(nav);
        Assert.Equal("Pagina 1", nav.QuerySelector("a[aria-current='page']")?.TextContent.Trim());
        var next = nav.QuerySelector("a[rel='next']")?.GetAttribute("href");
        Assert.Equal($"/agenda?thema={theme.Slug}&pagina=2", next);

        var second = await HtmlPage.GetAsync(client, next!);
        Assert.Equal(["Dag 13", "Dag 14"], second.AgendaTitles);
        Assert.Equal("Pagina 2", second.Document.QuerySelector("nav[aria-label='Paginering'] a[aria-current='page']")?.TextContent.Trim());
        Assert.Equal($"/agenda?thema={theme.Slug}", second.Document.QuerySelector("a[rel='prev']")?.GetAttribute("href"));
        second.AssertWellFormed();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda?thema={theme.Slug}&pagina=3", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda?thema={theme.Slug}&pagina=nul", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Each_filter_combination_is_its_own_cached_page()
    {
        var one = await content.TermAsync(Vocabulary.ThemeAlias, "Cache een");
        var two = await content.TermAsync(Vocabulary.ThemeAlias, "Cache twee");
        await content.PublishAsync(ReaderContent.Event("Bij een", ReaderContent.At(2031, 7, 1), one));
        await content.PublishAsync(ReaderContent.Event("Bij twee", ReaderContent.At(2031, 7, 2), two));

        Assert.Equal(["Bij een"], (await HtmlPage.GetAsync(client, $"/agenda?thema={one.Slug}")).AgendaTitles);
        Assert.Equal(["Bij twee"], (await HtmlPage.GetAsync(client, $"/agenda?thema={two.Slug}")).AgendaTitles);
        Assert.Equal(["Bij een"], (await HtmlPage.GetAsync(client, $"/agenda?thema={one.Slug}")).AgendaTitles);
    }
}

public sealed class AgendaPagingTests_Sqlite(SqliteFixture fixture) : AgendaPagingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AgendaPagingTests_Postgres(PostgresFixture fixture) : AgendaPagingTests(fixture), IClassFixture<PostgresFixture>;
