using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Site;

/// <summary>schema.org JSON-LD of events and articles, read back as JSON, on each provider.</summary>
public abstract class StructuredDataTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_page_describes_the_event_in_json_ld()
    {
        var e = await JsonLdAsync("/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken");

        Assert.Equal("https://schema.org", e.GetProperty("@context").GetString());
        Assert.Equal("Event", e.GetProperty("@type").GetString());
        Assert.Equal("VU Divosa Collegereeks 2020: Patronen doorbreken", e.GetProperty("name").GetString());
        Assert.Equal("2020-10-06T19:00:00+02:00", e.GetProperty("startDate").GetString());
        Assert.Equal("2020-10-06T21:30:00+02:00", e.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", e.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", e.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("http://localhost:5000/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", e.GetProperty("url").GetString());
        var place = e.GetProperty("location");
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("Cursus- en Vergadercentrum Domstad", place.GetProperty("name").GetString());
        Assert.Equal("PostalAddress", place.GetProperty("address").GetProperty("@type").GetString());
        Assert.Equal("Utrecht", place.GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal(["Divosa", "VU Amsterdam"], e.GetProperty("organizer").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.All(e.GetProperty("organizer").EnumerateArray(), o => Assert.Equal("Organization", o.GetProperty("@type").GetString()));
        var performers = e.GetProperty("performer").EnumerateArray().ToList();
        Assert.All(performers, p => Assert.Equal("Person", p.GetProperty("@type").GetString()));
        Assert.Contains(performers, p => p.GetProperty("name").GetString() == "Dr. Jan-Kees Helderman");
        Assert.False(e.TryGetProperty("offers", out _));
    }

    [Fact]
    public async Task Online_all_day_event_has_a_virtual_location_and_a_date()
    {
        var e = await JsonLdAsync("/agenda/kansrijke-kiemen");

        Assert.Equal("2020-10-09", e.GetProperty("startDate").GetString());
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", e.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", e.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("https://www.divosa.nl/", e.GetProperty("location").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Cancelled_hybrid_event_with_a_price_says_so()
    {
        var body = TestContent.Event() with { Cancelled = true, OnlineUrl = "https://meet.example.nl/sessie", Price = "€ 25,50 p.p." };
        await app.PublishAsync(body);

        var e = await JsonLdAsync($"/agenda/{body.Slug}");

        Assert.Equal("https://schema.org/EventCancelled", e.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", e.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal(["Place", "VirtualLocation"], e.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("@type").GetString()));
        Assert.Equal("2030-03-12T13:30:00+01:00", e.GetProperty("startDate").GetString());
        var offer = e.GetProperty("offers");
        Assert.Equal("Offer", offer.GetProperty("@type").GetString());
        Assert.Equal("25.50", offer.GetProperty("price").GetString());
        Assert.Equal("EUR", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("Stadsplateau 1", e.GetProperty("location")[0].GetProperty("address").GetProperty("streetAddress").GetString());
    }

    [Fact]
    public async Task Report_is_an_article_with_headline_date_author_and_publisher()
    {
        var a = await JsonLdAsync("/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein");

        Assert.Equal("Article", a.GetProperty("@type").GetString());
        Assert.Equal("Werkbijeenkomst JS Consultancy ‘sturing en control sociaal domein’ 100.000+ gemeenten", a.GetProperty("headline").GetString());
        Assert.Equal("2020-01-08T10:00:00+01:00", a.GetProperty("datePublished").GetString());
        Assert.Equal("Kennisplatform Sociaal Domein", a.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("Organization", a.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.True(a.TryGetProperty("author", out _));
    }

    [Fact]
    public async Task Article_names_its_authors_as_people()
    {
        var author = await app.InScopeAsync(sp => Task.FromResult(PlatformFactory.Db(sp).People.OrderBy(p => p.Slug).First()));
        var body = TestContent.Article() with { Authors = [author.Key] };
        await app.PublishAsync(body);

        var a = await JsonLdAsync($"/artikelen/{body.Slug}");

        var person = Assert.Single(a.GetProperty("author").EnumerateArray());
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal(author.DisplayName, person.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_title_with_a_script_tag_cannot_break_out_of_the_json_ld()
    {
        const string title = "Wat werkt? </script><script>alert(1)</script> <!-- einde";
        var body = TestContent.Article(title: title);
        await app.PublishAsync(body);

        var html = await client.GetStringAsync($"/artikelen/{body.Slug}", Ct);
        var document = new HtmlParser().ParseDocument(html);

        // Exactly the layout's own script and the JSON-LD: no element was injected.
        Assert.Equal(2, document.Scripts.Length);
        Assert.DoesNotContain(document.Scripts, s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal) && s.Type != "application/ld+json");
        var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(title, json.GetProperty("headline").GetString());
        Assert.Equal(title, Meta(document.Head!, "og:title"));
    }

    private async Task<IElement> HeadAsync(string path) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(path, Ct)).Head!;

    private async Task<JsonElement> JsonLdAsync(string path)
    {
        var script = Assert.Single((await HeadAsync(path)).QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    private static string? Meta(IElement head, string property) =>
        head.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

public sealed class StructuredDataTests_Sqlite(SqliteDemoFixture fixture) : StructuredDataTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class StructuredDataTests_Postgres(PostgresDemoFixture fixture) : StructuredDataTests(fixture), IClassFixture<PostgresDemoFixture>;
