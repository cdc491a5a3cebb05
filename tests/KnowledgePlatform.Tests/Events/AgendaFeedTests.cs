using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Events;

/// <summary>The subscribable /agenda.ics: what it holds and its theme/region filter, on each provider.</summary>
public abstract class AgendaFeedTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private readonly Dictionary<string, Guid> events = [];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Upcoming events with known terms, a recent and an old one, and a draft: the feed's cases.</summary>
    private async Task SeedAsync()
    {
        var soon = DateTimeOffset.UtcNow.AddDays(30);
        async Task Add(string name, DateTimeOffset start, bool publish, params (string Alias, string Slug)[] terms)
        {
            var keys = new List<Guid>();
            foreach (var (alias, slug) in terms)
            {
                keys.Add(await app.TermAsync(alias, slug));
            }

            var body = TestContent.Event(title: name, start: start) with { Terms = keys };
            events[name] = publish ? await app.PublishAsync(body) : (await app.SaveAsync(body)).Key;
        }

        await Add("jeugd-utrecht", soon, true, ("thema", "jeugd"), ("regio", "utrecht"));
        await Add("wmo-utrecht", soon.AddDays(1), true, ("thema", "wmo"), ("regio", "utrecht"));
        await Add("jeugd-delft", soon.AddDays(2), true, ("thema", "jeugd"), ("regio", "delft"));
        await Add("data-amsterdam", soon.AddDays(3), true, ("thema", "data"), ("regio", "amsterdam"));
        await Add("vorige-maand", DateTimeOffset.UtcNow.AddMonths(-1), true, ("thema", "jeugd"), ("regio", "utrecht"));
        await Add("oud", DateTimeOffset.UtcNow.AddYears(-2), true, ("thema", "jeugd"), ("regio", "utrecht"));
        await Add("concept", soon, false, ("thema", "jeugd"), ("regio", "utrecht"));
    }

    [Theory]
    [InlineData("", "jeugd-utrecht wmo-utrecht jeugd-delft data-amsterdam vorige-maand")]
    [InlineData("?thema=jeugd", "jeugd-utrecht jeugd-delft vorige-maand")]
    [InlineData("?regio=utrecht", "jeugd-utrecht wmo-utrecht vorige-maand")]
    [InlineData("?thema=jeugd&thema=wmo&regio=utrecht", "jeugd-utrecht wmo-utrecht vorige-maand")]
    [InlineData("?thema=jeugd,wmo&regio=utrecht", "jeugd-utrecht wmo-utrecht vorige-maand")]
    [InlineData("?thema=jeugd&regio=delft&regio=amsterdam", "jeugd-delft")]
    [InlineData("?thema=bestaat-niet", "")]
    public async Task Feed_holds_published_events_of_the_last_year_filtered_by_theme_and_region(string query, string expected)
    {
        await SeedAsync();
        var ours = events.ToDictionary(e => $"{e.Value}@localhost", e => e.Key);

        // Eventually: a response cached by an earlier test is evicted about a second after our publishes.
        await Eventually.AssertAsync(async () =>
        {
            var response = await client.GetAsync("/agenda.ics" + query, Ct);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var parsed = await ICalJs.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
            var found = parsed.Events.Where(e => ours.ContainsKey(e.Uid)).Select(e => ours[e.Uid]).Order(StringComparer.Ordinal);
            Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), found);
            Assert.Equal("Agenda Kennisplatform Sociaal Domein", parsed.Name);
        });
    }

    [Fact]
    public async Task Feed_lists_events_in_date_order_and_drops_an_unpublished_one()
    {
        await SeedAsync();
        await Eventually.AssertAsync(async () =>
        {
            var first = await ICalJs.ParseAsync(await client.GetStringAsync("/agenda.ics?regio=amsterdam", Ct));
            Assert.Contains(first.Events, e => e.Uid == $"{events["data-amsterdam"]}@localhost");
            Assert.Equal(first.Events.OrderBy(e => e.Start.Utc ?? DateTimeOffset.Parse(e.Start.Local, System.Globalization.CultureInfo.InvariantCulture)), first.Events);
        });

        await app.UnpublishAsync(events["data-amsterdam"]);

        await Eventually.AssertAsync(async () =>
        {
            var after = await ICalJs.ParseAsync(await client.GetStringAsync("/agenda.ics?regio=amsterdam", Ct));
            Assert.DoesNotContain(after.Events, e => e.Uid == $"{events["data-amsterdam"]}@localhost");
        });
    }
}

public sealed class AgendaFeedTests_Sqlite(SqliteDemoFixture fixture) : AgendaFeedTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class AgendaFeedTests_Postgres(PostgresDemoFixture fixture) : AgendaFeedTests(fixture), IClassFixture<PostgresDemoFixture>;
