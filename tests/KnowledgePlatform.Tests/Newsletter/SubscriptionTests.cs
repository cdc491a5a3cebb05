using System.Net;
using System.Text.RegularExpressions;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>Double opt-in, no enumeration, abuse limits counted at the SMTP sink, one-click unsubscribe.</summary>
public abstract partial class SubscriptionTests(DatabaseProvider provider)
{
    private static readonly string[] UnknownTheme = ["bestaat-niet"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(SmtpSink Sink, TestDatabase Db, MailPlatformFactory App)> StartAsync()
    {
        var sink = await SmtpSink.StartAsync();
        var db = await TestDatabase.CreateAsync(provider);
        var app = new MailPlatformFactory(db, sink.Port, importDemo: true);
        _ = app.Server;
        return (sink, db, app);
    }

    [Fact]
    public async Task A_form_sign_up_is_confirmed_only_by_the_single_use_link_and_the_mail_never_echoes_the_name()
    {
        var (sink, database, app) = await StartAsync();
        await using var _1 = sink;
        await using var _2 = database;
        await using var _3 = app;
        var client = app.CreateClient();

        var answer = await client.PostAsync("/nieuwsbrief/aanmelden", new FormUrlEncodedContent(
            [new("email", "piet@example.nl"), new("name", "Piet Geheim"), new("themes", "sociaal-domein"), new("source", "form:home")]), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode); // after the redirect
        Assert.Contains("Bijna klaar", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var mail = Assert.Single(await MimeParser.ParseAsync((await sink.WaitForAsync(1)).Select(m => m.Path)));
        Assert.Empty(mail.Defects);
        Assert.Null(mail.ToName is { Length: > 0 } ? mail.ToName : null);
        Assert.DoesNotContain("Piet", mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        var link = new Uri(NewsletterTestSupport.LinkIn(mail.TextBody!, "/nieuwsbrief/bevestigen/"));
        Assert.Equal(SubscriberStatus.Pending, (await app.SubscriberAsync("piet@example.nl")).Status);

        var page = await client.GetStringAsync(link.PathAndQuery, Ct);
        Assert.Equal(SubscriberStatus.Pending, (await app.SubscriberAsync("piet@example.nl")).Status);
        var token = Antiforgery().Match(page).Groups[1].Value;
        var confirmed = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var subscriber = await app.SubscriberAsync("piet@example.nl");
        Assert.Equal((SubscriberStatus.Active, "Piet Geheim", false), (subscriber.Status, subscriber.Name, subscriber.AllTopics));

        var again = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var consent = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<ConsentRecord>().Where(c => c.SubscriberId == subscriber.Id).OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["requested", "confirmed"], consent.Select(c => c.Action));
        Assert.All(consent, c => Assert.Equal(Subscribe.ConsentText, c.Text));
        Assert.Equal("form:home", consent[0].Source);
    }

    [Fact]
    public async Task A_reader_of_an_issue_s_web_version_can_sign_up_right_there()
    {
        var (sink, database, app) = await StartAsync();
        await using var _1 = sink;
        await using var _2 = database;
        await using var _3 = app;
        var client = app.CreateClient();

        var page = await client.GetStringAsync("/nieuwsbrief/nieuwsbrief-mei-2017", Ct);
        Assert.Contains("Deze nieuwsbrief ook ontvangen?", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/nieuwsbrief/aanmelden\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"form:nieuwsbrief-editie\"", page, StringComparison.Ordinal);

        await client.PostAsync("/nieuwsbrief/aanmelden", new FormUrlEncodedContent(
            [new("email", "lezer@example.nl"), new("source", "form:nieuwsbrief-editie")]), Ct);
        await sink.WaitForAsync(1);
        var subscriber = await app.SubscriberAsync("lezer@example.nl");
        var consent = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<ConsentRecord>().SingleAsync(c => c.SubscriberId == subscriber.Id, Ct));
        Assert.Equal(("requested", "form:nieuwsbrief-editie"), (consent.Action, consent.Source));
    }

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_bad_input_a_problem()
    {
        var (sink, database, app) = await StartAsync();
        await using var _1 = sink;
        await using var _2 = database;
        await using var _3 = app;
        await app.AddActiveSubscribersAsync(1, "bekend");

        Assert.Equal(HttpStatusCode.Accepted, await app.SignUpApiAsync(new { email = "nieuw@example.nl" }, IPAddress.Parse("10.0.0.1")));
        Assert.Equal(HttpStatusCode.Accepted, await app.SignUpApiAsync(new { email = "bekend0@example.nl", name = "X" }, IPAddress.Parse("10.0.0.2")));
        Assert.Equal(HttpStatusCode.BadRequest, await app.SignUpApiAsync(new { email = "geen adres" }, IPAddress.Parse("10.0.0.3")));
        Assert.Equal(HttpStatusCode.BadRequest, await app.SignUpApiAsync(new { email = "a@example.nl", themes = UnknownTheme }, IPAddress.Parse("10.0.0.3")));

        var mails = await MimeParser.ParseAsync((await sink.WaitForAsync(2)).Select(m => m.Path));
        Assert.Contains("bevestigen", Assert.Single(mails, m => m.ToAddress == "nieuw@example.nl").TextBody, StringComparison.Ordinal);
        Assert.Contains("voorkeuren", Assert.Single(mails, m => m.ToAddress == "bekend0@example.nl").TextBody, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync("bekend0@example.nl")).Status);
    }

    [Fact]
    public async Task A_thousand_sign_ups_for_one_address_from_a_thousand_addresses_send_at_most_three_mails_and_the_honeypot_none()
    {
        var (sink, database, app) = await StartAsync();
        await using var _1 = sink;
        await using var _2 = database;
        await using var _3 = app;

        var answers = new List<HttpStatusCode>();
        foreach (var batch in Enumerable.Range(0, 1000).Chunk(20))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(i =>
                app.SignUpApiAsync(new { email = "doelwit@example.nl" }, new IPAddress([10, 1, (byte)(i / 250), (byte)(i % 250 + 1)])))));
        }

        foreach (var i in Enumerable.Range(0, 20))
        {
            Assert.Equal(HttpStatusCode.Accepted, await app.SignUpApiAsync(new { email = $"bot{i}@example.nl", website = "http://spam" }, IPAddress.Parse("10.9.9.9")));
        }

        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.Equal(997, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        await sink.WaitForAsync(3);
        await Eventually.AssertAsync(async () => Assert.All(await app.LedgerAsync(), r => Assert.Equal(Web.Mail.MailState.Sent, r.State)));
        Assert.Equal(3, sink.Count);
        Assert.All(sink.Messages(), m => Assert.Equal("doelwit@example.nl", m.Recipients.Single()));
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().AnyAsync(s => s.Email.StartsWith("bot"), Ct)));
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_cookies_and_a_get_changes_nothing()
    {
        var (sink, database, app) = await StartAsync();
        await using var _1 = sink;
        await using var _2 = database;
        await using var _3 = app;
        await app.AddActiveSubscribersAsync(1, "klik");
        var token = await app.InScopeAsync(async sp =>
            await sp.Service<NewsletterLinks>().TokenAsync(await PlatformFactory.Db(sp).Set<Subscriber>().SingleAsync(Ct), Ct));

        var get = await app.CreateClient().GetAsync($"/nieuwsbrief/afmelden/{token}", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync("klik0@example.nl")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/nieuwsbrief/afmelden/{token[..^2]}xx", Ct)).StatusCode);

        var post = await app.CreateClient(new() { HandleCookies = false }).PostAsync($"/nieuwsbrief/afmelden/{token}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.SubscriberAsync("klik0@example.nl")).Status);
        var consent = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<ConsentRecord>().SingleAsync(Ct));
        Assert.Equal(("unsubscribed", "one-click"), (consent.Action, consent.Source));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

public sealed class SubscriptionTests_Sqlite() : SubscriptionTests(DatabaseProvider.Sqlite);

public sealed class SubscriptionTests_Postgres() : SubscriptionTests(DatabaseProvider.Postgres);
