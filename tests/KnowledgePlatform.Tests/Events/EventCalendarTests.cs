using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgePlatform.Tests.Events;

/// <summary>/agenda/{slug}.ics on the demo site, read back by ical.js, on each provider.</summary>
public abstract class EventCalendarTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_file_has_a_stable_uid_its_version_as_sequence_and_amsterdam_times()
    {
        var response = await client.GetAsync("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken.ics", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var parsed = await ICalJs.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["Europe/Amsterdam"], parsed.Timezones);
        var e = Assert.Single(parsed.Events);
        Assert.Equal("37991676-777a-4df8-9757-58c6c8ef23dc@localhost", e.Uid);
        Assert.Equal(1, e.Sequence);
        Assert.Equal("Europe/Amsterdam", e.Start.Tzid);
        Assert.Equal(new DateTimeOffset(2020, 10, 6, 17, 0, 0, TimeSpan.Zero), e.Start.Utc);
        Assert.Equal(new DateTimeOffset(2020, 10, 6, 19, 30, 0, TimeSpan.Zero), e.End?.Utc);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("Cursus- en Vergadercentrum Domstad, Utrecht", e.Location);
        Assert.Equal("http://localhost:5000/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", e.Url);
        Assert.StartsWith("Vijf jaar na de decentralisaties", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_day_event_is_a_date_ending_the_next_day_and_online_url_is_the_location()
    {
        var parsed = await ICalJs.ParseAsync(await client.GetStringAsync("/agenda/kansrijke-kiemen.ics", Ct));

        var e = Assert.Single(parsed.Events);
        Assert.True(e.Start.IsDate);
        Assert.Equal(("2020-10-09", "2020-10-10"), (e.Start.Local, e.End?.Local));
        Assert.Equal("https://www.divosa.nl/", e.Location);
    }

    [Fact]
    public async Task Cancelled_event_has_status_cancelled()
    {
        var body = TestContent.Event(title: "Geschrapte werkplaats") with { Cancelled = true };
        var key = await app.PublishAsync(body);

        var e = Assert.Single((await ICalJs.ParseAsync(await client.GetStringAsync($"/agenda/{body.Slug}.ics", Ct))).Events);

        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal("Geannuleerd: Geschrapte werkplaats", e.Summary);
        Assert.Equal($"{key}@localhost", e.Uid);
    }

    [Fact]
    public async Task Sequence_rises_and_uid_stays_when_the_event_is_edited_and_republished()
    {
        var body = TestContent.Event(title: "Verschuivende bijeenkomst");
        var key = await app.PublishAsync(body);
        var before = Assert.Single((await ICalJs.ParseAsync(await client.GetStringAsync($"/agenda/{body.Slug}.ics", Ct))).Events);

        var moved = body with { Start = body.Start.AddDays(7), End = body.End!.Value.AddDays(7) };
        await app.SaveAsync(moved with { Title = "Tussenversie" }, key); // a draft in between: one more version
        await app.PublishAsync(moved, key);

        await Eventually.AssertAsync(async () =>
        {
            var after = Assert.Single((await ICalJs.ParseAsync(await client.GetStringAsync($"/agenda/{body.Slug}.ics", Ct))).Events);
            Assert.Equal(before.Uid, after.Uid);
            Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {after.Sequence} should exceed {before.Sequence}");
            Assert.Equal(before.Start.Utc!.Value.AddDays(7), after.Start.Utc);
        });
    }

    [Fact]
    public async Task Drafts_unpublished_and_unknown_events_have_no_calendar_file()
    {
        var draft = TestContent.Event();
        await app.SaveAsync(draft);
        var gone = TestContent.Event();
        var goneKey = await app.PublishAsync(gone);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agenda/{gone.Slug}.ics", Ct)).StatusCode);

        await app.UnpublishAsync(goneKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/{draft.Slug}.ics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agenda/bestaat-niet.ics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agenda/vorm-inhoud-en-relaties.ics", Ct)).StatusCode); // an article
        await Eventually.AssertAsync(async () =>
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/{gone.Slug}.ics", Ct)).StatusCode));
    }

    [Fact]
    public async Task Renamed_event_redirects_to_its_new_file()
    {
        var body = TestContent.Event();
        var key = await app.PublishAsync(body);
        var renamed = body with { Slug = TestContent.UniqueSlug("hernoemd") };
        await app.PublishAsync(renamed, key);

        var response = await client.GetAsync($"/agenda/{body.Slug}.ics", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/agenda/{renamed.Slug}.ics", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Event_page_links_to_its_calendar_file()
    {
        var html = await client.GetStringAsync("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", Ct);

        Assert.Contains("href=\"/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken.ics\"", html, StringComparison.Ordinal);
        Assert.Contains("Zet in je agenda", html, StringComparison.Ordinal);
    }
}

public sealed class EventCalendarTests_Sqlite(SqliteDemoFixture fixture) : EventCalendarTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class EventCalendarTests_Postgres(PostgresDemoFixture fixture) : EventCalendarTests(fixture), IClassFixture<PostgresDemoFixture>;
