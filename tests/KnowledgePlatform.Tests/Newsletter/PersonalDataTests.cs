using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgePlatform.Tests.Events.Registrations;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// GDPR for one person who signed up, confirmed, registered for an event and received an issue:
/// the export holds all of it; the erasure leaves nothing of the address or name in any table.
/// </summary>
public abstract class PersonalDataTests(DatabaseProvider provider)
{
    private const string Typed = "Anna.Geheim@Example.org";
    private const string Address = "Anna.Geheim@example.org"; // as stored: the domain is normalised
    private const string Name = "Anna Geheimhouder";
    private static readonly IPAddress From = IPAddress.Parse("203.0.113.7");
    private static readonly string[] Themes = ["sociaal-domein"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_holds_the_subscriber_consent_mails_and_registrations_from_the_back_office_and_the_preference_centre()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var (subscriberId, issueTitle, preferences) = await ArrangeAsync(env);
        var (browser, editor) = await env.SignInAsync();

        using var response = await browser.Client.GetAsync($"/beheer/nieuwsbrief/abonnees/abonnee/{subscriberId}?handler=Export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var subscriber = json.GetProperty("subscriber");
        Assert.Equal((Address, Name, "Active"), (subscriber.GetProperty("email").GetString(), subscriber.GetProperty("name").GetString(), subscriber.GetProperty("status").GetString()));
        Assert.Equal(["Sociaal domein"], subscriber.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        var consent = json.GetProperty("consent").EnumerateArray().ToList();
        Assert.Equal(["requested", "confirmed"], consent.Select(c => c.GetProperty("action").GetString()));
        Assert.Equal(From.ToString(), consent[0].GetProperty("ip").GetString());
        var mails = json.GetProperty("mails").EnumerateArray().ToList();
        Assert.Equal(["newsletter.confirmation", "registration.confirmation", PrepareSend.Kind], mails.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal(issueTitle, mails[2].GetProperty("subject").GetString());
        Assert.All(mails, m => Assert.Equal("Sent", m.GetProperty("state").GetString()));
        var registration = Assert.Single(json.GetProperty("registrations").EnumerateArray());
        Assert.Equal((Name, "Stichting Geheimhouder"), (registration.GetProperty("name").GetString(),
            registration.GetProperty("answers").GetProperty("organisation").GetString()));
        var audit = await env.App.InScopeAsync(sp => PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == "subscriber.export", Ct));
        Assert.Equal((editor, subscriberId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Actor, audit.TargetId));

        // The subscriber's own copy, behind the signed link of their mail; a forged link gets nothing.
        using var anonymous = env.App.CreateClient();
        var page = await anonymous.GetStringAsync(preferences, Ct);
        Assert.Contains("?handler=Gegevens", page, StringComparison.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            var messages = (await Quality.NuHtmlChecker.CheckAsync([page], Ct))[0];
            Assert.True(!messages.Any(m => m.IsError), "the preference centre is not valid HTML:\n" + string.Join('\n', messages));
        }

        using var own = await anonymous.GetAsync(preferences + "?handler=Gegevens", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("no-store", own.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var mine = JsonDocument.Parse(await own.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(Address, mine.GetProperty("subscriber").GetProperty("email").GetString());
        Assert.Single(mine.GetProperty("registrations").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(preferences[..^3] + "xyz?handler=Gegevens", Ct)).StatusCode);
    }

    [Fact]
    public async Task Erasure_leaves_nothing_of_the_address_or_name_in_any_table_and_the_address_is_not_re_added_by_mistake()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var (subscriberId, _, preferences) = await ArrangeAsync(env);
        var counterHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Address.ToLowerInvariant())))[..32];
        Assert.NotEmpty(await DatabaseScan.FindAsync(env.Database, "anna.geheim", "geheimhouder", counterHash)); // the scan sees it before
        var (browser, editor) = await env.SignInAsync();

        await browser.OpenAsync($"/beheer/nieuwsbrief/abonnees/abonnee/{subscriberId}");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Erase']");
        Assert.Contains("Vink aan dat u begrijpt", browser.Text, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync(Address)).Status);
        await browser.SubmitAsync(new() { ["zeker"] = "true" }, formSelector: "form[action*='handler=Erase']");
        Assert.Contains("Gewist: de abonnee, 1 aanmelding(en) voor bijeenkomsten en 3 mail(s)", browser.Text, StringComparison.Ordinal);

        var left = await DatabaseScan.FindAsync(env.Database, "anna.geheim", "geheimhouder", counterHash);
        Assert.True(left.Count == 0, "still stored:\n" + string.Join('\n', left));
        var (erased, consent, registration, hashKept, audit) = await app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            var hash = await sp.GetRequiredService<NewsletterSecrets>().AddressHashAsync(Address, Ct);
            return (await db.Set<Subscriber>().AsNoTracking().SingleAsync(s => s.Id == subscriberId, Ct),
                await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.SubscriberId == subscriberId).ToListAsync(Ct),
                await db.Registrations().AsNoTracking().SingleAsync(Ct),
                await db.Set<SuppressedAddress>().AnyAsync(s => s.Hash == hash, Ct),
                await db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == "subscriber.erased", Ct));
        });
        Assert.Equal(SubscriberStatus.Erased, erased.Status);
        Assert.Equal(2, consent.Count); // the history stays, without the IP address
        Assert.All(consent, c => Assert.Null(c.Ip));
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status); // an upcoming event: the seat is free again
        Assert.NotNull(registration.AnonymisedUtc);
        Assert.True(hashKept);
        Assert.Equal(editor, audit.Actor);
        Assert.All(await app.LedgerAsync(), m =>
        {
            Assert.Equal(ErasePersonalData.ErasedAddress, m.ToAddress);
            Assert.Null(m.ToName ?? m.Html ?? m.Text ?? m.Parts ?? m.LastReply);
        });

        // Old links are dead; an import skips the address; a sign-up needs the owner's confirmation again.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(preferences, Ct)).StatusCode);
        var import = await SubscriberAdminTests.ImportAsync(browser, $"E-mailadres;Naam\n{Typed.ToUpperInvariant()};{Name}\n", "Lijst van het congres, met toestemming");
        Assert.Contains("Regel 2: overgeslagen: dit adres is op verzoek gewist", import, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, await app.SignUpApiAsync(new { email = Typed }, IPAddress.Parse("203.0.113.8")));
        Assert.Equal(SubscriberStatus.Pending, (await app.SubscriberAsync(Address)).Status);
    }

    /// <summary>Anna signs up (API, from 203.0.113.7), confirms by her link, registers for an event and receives an issue; a bounce reply names her address.</summary>
    private static async Task<(long SubscriberId, string IssueTitle, string PreferencesPath)> ArrangeAsync(NewsletterAdminApp env)
    {
        var app = env.App;
        Assert.Equal(HttpStatusCode.Accepted, await app.SignUpApiAsync(new { email = Typed, name = Name, themes = Themes }, From));
        var confirmation = Assert.Single(await MimeParser.ParseAsync((await env.Sink.WaitForAsync(1)).Select(m => m.Path)));
        var visitor = new EditorBrowser(app.CreateClient(new() { AllowAutoRedirect = false }));
        await visitor.OpenAsync(new Uri(NewsletterTestSupport.LinkIn(confirmation.TextBody!, "/nieuwsbrief/bevestigen/")).PathAndQuery);
        await visitor.SubmitAsync(new());
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync(Address)).Status);

        var body = RegistrationSteps.OpenEvent(capacity: 5, start: DateTimeOffset.UtcNow.AddDays(30));
        await app.PublishAsync(body);
        using var client = app.CreateClient();
        var registered = await client.PostAsJsonAsync($"/api/v1/events/{body.Slug}/registrations",
            new { name = Name, email = Typed.ToLowerInvariant(), answers = new { organisation = "Stichting Geheimhouder" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var item = await app.PublishAsync(TestContent.Article(title: "Nieuws voor Anna"));
        var issue = await app.PublishAsync(new NewsletterIssueContent
        {
            Title = "Nieuwsbrief voor iedereen",
            Slug = TestContent.UniqueSlug("nieuwsbrief"),
            Sections = [new NewsletterSection { Title = "Nieuws", Items = [item] }],
        });
        await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(new PrepareSend.Command(issue, null, "redacteur@example.org"), Ct));
        var mails = await MimeParser.ParseAsync((await env.Sink.WaitForAsync(3)).Select(m => m.Path));
        await Eventually.AssertAsync(async () => Assert.All(await app.LedgerAsync(), m => Assert.Equal(MailState.Sent, m.State)));
        var issueMail = mails.Single(m => m.Subject == "Nieuwsbrief voor iedereen");
        var preferences = new Uri(NewsletterTestSupport.LinkIn(issueMail.TextBody!, "/nieuwsbrief/voorkeuren/")).AbsolutePath;

        // What a permanent failure leaves behind names the address, in the subscriber and the ledger.
        var subscriberId = (await app.SubscriberAsync(Address)).Id;
        await app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            const string reply = "550 5.1.1 <anna.geheim@example.org>: Recipient address rejected";
            await db.Set<Subscriber>().Where(s => s.Id == subscriberId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastBounce, reply).SetProperty(s => s.BounceCount, 1), Ct);
            await db.Set<MailLedgerEntry>().Where(m => m.RecipientRef == subscriberId).ExecuteUpdateAsync(u => u.SetProperty(m => m.LastReply, reply), Ct);
        });
        return (subscriberId, "Nieuwsbrief voor iedereen", preferences);
    }
}

public sealed class PersonalDataTests_Sqlite() : PersonalDataTests(DatabaseProvider.Sqlite);

public sealed class PersonalDataTests_Postgres() : PersonalDataTests(DatabaseProvider.Postgres);
