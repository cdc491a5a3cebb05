using System.Net;
using System.Text;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>The subscriber screens: list and counts, CSV import (all or nothing) and export (formula-safe), through the real app.</summary>
public abstract class SubscriberAdminTests(DatabaseProvider provider)
{
    private const string Consent = "Aanmeldlijst congres Sociaal Domein, 12 maart 2026, papieren formulier met toestemmingstekst";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_with_an_invalid_row_imports_nothing_and_names_every_bad_line_in_Dutch()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var (browser, _) = await env.SignInAsync();
        const string csv = "E-mailadres;Naam;Thema's;Regio's\r\nanna@example.nl;Anna;Sociaal domein;\r\ngeen-adres;Bert;;\r\ncarla@example.nl;Carla;bestaat-niet;\r\n\"dirk@example.nl\";\"Dirk; de Vries\";;utrecht\r\n";

        var page = await ImportAsync(browser, csv, Consent);

        Assert.Contains("Er is niets geïmporteerd.", page, StringComparison.Ordinal);
        Assert.Contains("Regel 3: ‘geen-adres’ is geen geldig e-mailadres.", page, StringComparison.Ordinal);
        Assert.Contains("Regel 4: onbekend thema ‘bestaat-niet’.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Regel 2:", page, StringComparison.Ordinal);
        Assert.False(await env.App.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().AnyAsync(Ct)));

        var noConsent = await ImportAsync(browser, "E-mailadres\r\nanna@example.nl\r\n", " ");
        Assert.Contains("Vul in waar en hoe deze mensen toestemming gaven.", noConsent, StringComparison.Ordinal);
        Assert.False(await env.App.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().AnyAsync(Ct)));
    }

    [Fact]
    public async Task A_valid_import_adds_active_subscribers_with_their_consent_and_never_re_adds_who_left_or_was_erased()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var theme = await app.TermAsync(Vocabulary.ThemeAlias, "sociaal-domein");
        await app.AddActiveSubscribersAsync(1, "actief");
        await app.AddActiveSubscribersAsync(1, "weg");
        await app.AddActiveSubscribersAsync(1, "half");
        await app.AddActiveSubscribersAsync(1, "gewist");
        await app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            await db.Set<Subscriber>().Where(s => s.Email == "weg0@example.nl").ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriberStatus.Unsubscribed), Ct);
            await db.Set<Subscriber>().Where(s => s.Email == "half0@example.nl").ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriberStatus.Pending), Ct);
            await sp.GetRequiredService<ErasePersonalData.Handler>().HandleAsync(new ErasePersonalData.Command("gewist0@example.nl", "test"), Ct);
        });
        var (browser, editor) = await env.SignInAsync();
        const string csv = "Naam,E-mailadres,Thema's\nNieuw Een,nieuw1@example.nl,sociaal-domein\nDubbel,NIEUW1@example.nl,\nActief,actief0@example.nl,\nWeg,weg0@example.nl,\n"
            + "Half,half0@example.nl,\nGewist,Gewist0@Example.nl,\nNieuw Twee,nieuw2@example.nl,\n";

        var page = await ImportAsync(browser, csv, Consent);

        Assert.Contains("Geïmporteerd: 2 nieuwe abonnee(s), 1 nog niet bevestigde aanmelding(en) geactiveerd, 1 al abonnee", page, StringComparison.Ordinal);
        Assert.Contains("Regel 3: overgeslagen: hetzelfde adres staat al op regel 2.", page, StringComparison.Ordinal);
        Assert.Contains("Regel 5: overgeslagen: dit adres heeft zich afgemeld", page, StringComparison.Ordinal);
        Assert.Contains("Regel 7: overgeslagen: dit adres is op verzoek gewist", page, StringComparison.Ordinal);
        var nieuw = await app.SubscriberAsync("nieuw1@example.nl");
        Assert.Equal((SubscriberStatus.Active, "Nieuw Een", false), (nieuw.Status, nieuw.Name, nieuw.AllTopics));
        Assert.Equal([theme], nieuw.TermKeys());
        Assert.True((await app.SubscriberAsync("nieuw2@example.nl")).AllTopics);
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync("half0@example.nl")).Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.SubscriberAsync("weg0@example.nl")).Status);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().AnyAsync(s => s.Email.StartsWith("gewist0") || s.Email.StartsWith("Gewist0"), Ct)));
        var consent = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<ConsentRecord>().AsNoTracking().Where(c => c.SubscriberId == nieuw.Id).SingleAsync(Ct));
        Assert.Equal(("imported", "import", Consent), (consent.Action, consent.Source, consent.Text));
        var audit = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == "subscribers.import", Ct));
        Assert.Equal(editor, audit.Actor);
        Assert.DoesNotContain("nieuw1", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_and_counts_per_topic_and_the_export_is_formula_safe_and_imports_again()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var theme = await app.TermAsync(Vocabulary.ThemeAlias, "sociaal-domein");
        var region = await app.TermAsync(Vocabulary.RegionAlias, "utrecht");
        await app.AddActiveSubscribersAsync(1, "thema", all: false, terms: [theme]);
        await app.AddActiveSubscribersAsync(2, "regio", all: false, terms: [region]);
        await app.AddActiveSubscribersAsync(3, "alles");
        await app.AddActiveSubscribersAsync(1, "beide", all: false, terms: [theme, region]);
        await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().Where(s => s.Email == "thema0@example.nl").ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Name, "=HYPERLINK(\"http://evil\")").SetProperty(s => s.BounceCount, 2).SetProperty(s => s.LastBounce, "550 5.1.1 mailbox vol"), Ct));
        var (browser, _) = await env.SignInAsync();

        await browser.OpenAsync("/beheer/nieuwsbrief/abonnees");
        Assert.Contains("7 abonnees gevonden", browser.Text, StringComparison.Ordinal);
        Assert.Contains("(3 actieve abonnees ontvangen alles)", browser.Text, StringComparison.Ordinal);
        var rows = browser.Document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")
            .Select(r => string.Join('|', r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains("Sociaal domein|thema|2", rows);
        Assert.Contains("Utrecht|regio|3", rows);
        await browser.OpenAsync($"/beheer/nieuwsbrief/abonnees?regio={region}");
        Assert.Contains("3 abonnees gevonden", browser.Text, StringComparison.Ordinal);
        await browser.OpenAsync($"/beheer/nieuwsbrief/abonnees?thema={theme}&regio={region}");
        Assert.Contains("1 abonnees gevonden", browser.Text, StringComparison.Ordinal);
        Assert.Contains("beide0@example.nl", browser.Text, StringComparison.Ordinal);
        await browser.OpenAsync("/beheer/nieuwsbrief/abonnees?q=THEMA0");
        Assert.Contains("1 abonnees gevonden", browser.Text, StringComparison.Ordinal);
        var id = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().Where(s => s.Email == "thema0@example.nl").Select(s => s.Id).SingleAsync(Ct));
        await browser.OpenAsync($"/beheer/nieuwsbrief/abonnees/abonnee/{id}");
        Assert.Contains("2 van de 3 waarna mailen stopt; laatste: 550 5.1.1 mailbox vol", browser.Text, StringComparison.Ordinal);

        using var export = await browser.Client.GetAsync($"/beheer/nieuwsbrief/abonnees?thema={theme}&handler=Csv", Ct);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFE-mailadres;Naam;Status;Thema's;Regio's;", csv, StringComparison.Ordinal);
        Assert.Contains("thema0@example.nl;\"'=HYPERLINK(\"\"http://evil\"\")\";actief;Sociaal domein;;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("regio0", csv, StringComparison.Ordinal);

        // What the export wrote, the import reads: the name comes back without the apostrophe, the theme by its name.
        await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().Where(s => s.Email == "thema0@example.nl").ExecuteDeleteAsync(Ct));
        var page = await ImportAsync(browser, Encoding.UTF8.GetString(bytes), Consent);
        Assert.Contains("Geïmporteerd: 1 nieuwe abonnee(s)", page, StringComparison.Ordinal);
        var back = await app.SubscriberAsync("thema0@example.nl");
        Assert.Equal(("=HYPERLINK(\"http://evil\")", theme), (back.Name, back.TermKeys().Single()));
    }

    /// <summary>Posts the import form as a browser does (multipart, with the page's antiforgery token); returns the answer page.</summary>
    internal static async Task<string> ImportAsync(EditorBrowser browser, string csv, string consent)
    {
        await browser.OpenAsync("/beheer/nieuwsbrief/abonnees/importeren");
        var token = browser.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(consent), "ConsentSource" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "abonnees.csv" },
        };
        using var response = await browser.Client.PostAsync("/beheer/nieuwsbrief/abonnees/importeren", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct)).QuerySelector("main")!.TextContent;
    }
}

public sealed class SubscriberAdminTests_Sqlite() : SubscriberAdminTests(DatabaseProvider.Sqlite);

public sealed class SubscriberAdminTests_Postgres() : SubscriberAdminTests(DatabaseProvider.Postgres);
