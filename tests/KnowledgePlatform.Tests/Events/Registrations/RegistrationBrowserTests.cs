using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>The demo site on Kestrel (SQLite, demo content) mailing to a real smtp-sink.</summary>
public sealed class RegistrationSiteOverHttp : IAsyncLifetime
{
    private TestDatabase? database;
    private SiteFactory? factory;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public SmtpSink Sink { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Sink = await SmtpSink.StartAsync();
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        }

        factory = new SiteFactory(database, BaseAddress, Sink.Port);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, BaseAddress.Port));
        factory.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }

    private sealed class SiteFactory(TestDatabase database, Uri baseAddress, int smtpPort) : PlatformFactory(database, importDemo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:BaseUrl", baseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("Urls", baseAddress.ToString());
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:UseStartTls", "false");
            builder.UseSetting("Newsletter:FromAddress", "agenda@kennisplatform.test");
        }
    }
}

/// <summary>
/// A reader registers for the demo workshop in Chromium, gets the confirmation with a valid
/// invitation at the SMTP sink, cancels through the personal link, and the first on the waitlist
/// is offered the seat and takes it.
/// </summary>
public sealed partial class RegistrationBrowserTests(RegistrationSiteOverHttp site, ChromiumBrowser chromium)
    : IClassFixture<RegistrationSiteOverHttp>, IClassFixture<ChromiumBrowser>
{
    private const string Workshop = "/agenda/demo-werkplaats-lerende-praktijk";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_registers_cancels_through_the_personal_link_and_the_first_waiting_person_gets_the_seat()
    {
        var page = await chromium.NewPageAsync(site.BaseAddress, 1280);
        await page.GotoAsync(Workshop);
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Renée Lezer");
        await page.GetByLabel("E-mailadres").FillAsync("renee@example.org");
        await page.GetByLabel("Organisatie (niet verplicht)").FillAsync("Gemeente Zeist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/aanmelden/ontvangen")); // polls: WaitForURLAsync can miss the event (playwright-dotnet #3364)
        Assert.Equal("Je bent aangemeld", await page.Locator("h1").InnerTextAsync());

        // Two more fill the three seats; the fourth waits.
        using var api = new HttpClient { BaseAddress = site.BaseAddress };
        foreach (var name in new[] { "sem", "tara", "umar" })
        {
            var response = await api.PostAsJsonAsync($"/api/v1/events/demo-werkplaats-lerende-praktijk/registrations", new { name, email = $"{name}@example.org" }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var confirmation = await MailToAsync("renee@example.org", "Aanmelding bevestigd");
        var invitation = Assert.Single(confirmation.Parts, p => p.ContentType == "text/calendar");
        Assert.Equal("REQUEST", invitation.Method);
        var ics = await Events.ICalJs.ParseAsync(invitation.Text!);
        Assert.Equal("REQUEST", ics.Method);
        var entry = Assert.Single(ics.Events);
        Assert.StartsWith("registration-", entry.Uid, StringComparison.Ordinal);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal(new DateTimeOffset(2027, 3, 16, 12, 30, 0, TimeSpan.Zero), entry.Start.Utc);
        var link = PersonalLink(confirmation.TextBody!);

        await page.GotoAsync(link);
        Assert.Contains("Aangemeld", await page.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelding annuleren" }).ClickAsync();
        await page.GetByText("Je aanmelding is geannuleerd.").WaitForAsync();

        var cancel = await MailToAsync("renee@example.org", "Afmelding ontvangen");
        var cancelIcs = await Events.ICalJs.ParseAsync(Assert.Single(cancel.Parts, p => p.ContentType == "text/calendar").Text!);
        Assert.Equal(("CANCEL", entry.Uid, 1), (cancelIcs.Method, cancelIcs.Events[0].Uid, cancelIcs.Events[0].Sequence));

        var offer = await MailToAsync("umar@example.org", "Er is een plaats vrij");
        var waiting = await chromium.NewPageAsync(site.BaseAddress, 390);
        await waiting.GotoAsync(PersonalLink(offer.TextBody!));
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Ja, ik kom" }).ClickAsync();
        await waiting.GetByText("Je plaats is bevestigd.").WaitForAsync();
        Assert.NotNull(await MailToAsync("umar@example.org", "Aanmelding bevestigd"));
    }

    private async Task<MimeParser.Parsed> MailToAsync(string to, string subjectStart) =>
        await Eventually.ValueAsync(async () =>
        {
            var parsed = await MimeParser.ParseAsync(site.Sink.Files());
            return parsed.Single(m => m.ToAddress == to && m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true);
        }, 60);

    private static string PersonalLink(string text) =>
        new Uri(PersonalLinkPattern().Match(text).Value).PathAndQuery is var path && path.StartsWith("/aanmelding/", StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("No personal link in: " + text);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/aanmelding/[A-Za-z0-9_-]+")]
    private static partial Regex PersonalLinkPattern();
}
