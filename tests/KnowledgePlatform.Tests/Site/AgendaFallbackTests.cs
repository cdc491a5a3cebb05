using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// The agenda with nothing ahead says so and shows the most recent past events; once an event is
/// planned it shows that instead. Its own database (one test), as it depends on all events.
/// </summary>
public abstract class AgendaFallbackTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private readonly ReaderContent content = new(fixture.Factory);

    [Fact]
    public async Task Without_upcoming_events_the_agenda_says_so_and_shows_the_latest_past_ones_until_one_is_planned()
    {
        await content.PublishAsync(ReaderContent.Event("Voorjaar 2019", ReaderContent.At(2019, 4, 1)));
        await content.PublishAsync(ReaderContent.Event("Najaar 2019", ReaderContent.At(2019, 10, 1)));

        var empty = await HtmlPage.GetAsync(client, "/agenda");
        Assert.Contains("Er staan op dit moment geen nieuwe bijeenkomsten gepland.", empty.Texts(".utrecht-alert").Single(), StringComparison.Ordinal);
        Assert.Equal(["Najaar 2019", "Voorjaar 2019"], empty.AgendaTitles);
        Assert.Equal(["Meest recente bijeenkomsten"], empty.Texts("#resultaten"));
        empty.AssertWellFormed();

        await content.PublishAsync(ReaderContent.Event("Gepland in 2031", ReaderContent.At(2031, 9, 1)));
        await Eventually.AssertAsync(async () =>
        {
            var planned = await HtmlPage.GetAsync(client, "/agenda");
            Assert.Empty(planned.Texts(".utrecht-alert"));
            Assert.Equal(["Gepland in 2031"], planned.AgendaTitles);
        });
    }
}

public sealed class AgendaFallbackTests_Sqlite(SqliteFixture fixture) : AgendaFallbackTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AgendaFallbackTests_Postgres(PostgresFixture fixture) : AgendaFallbackTests(fixture), IClassFixture<PostgresFixture>;
