using System.Net;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>The editors' newsletter screens through the real app and login, as a browser without JavaScript uses them.</summary>
public abstract class IssueAdminTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_composes_with_steps_and_the_suggestion_previews_as_a_subscriber_and_a_test_mail_arrives()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider, new() { ["Newsletter:TestMailsPerDay"] = "2" });
        var app = env.App;
        var theme = await app.TermAsync(Vocabulary.ThemeAlias, "sociaal-domein");
        var upcoming = await app.PublishAsync(TestContent.Event(title: "Werkplaats over wijkteams", start: DateTimeOffset.UtcNow.AddDays(20)));
        var article = await app.PublishAsync(TestContent.Article(title: "Artikel over armoede"));
        var draft = (await app.SaveAsync(TestContent.Article(title: "Conceptartikel"))).Key;
        var (browser, editorEmail) = await env.SignInAsync();

        await browser.OpenAsync("/beheer/nieuwsbrief/bewerken");
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains("Werkplaats over wijkteams", browser.Text, StringComparison.Ordinal); // in the suggestion
        const string step = "/beheer/nieuwsbrief/bewerken?handler=Step";
        string Group(string title) => browser.Document.QuerySelectorAll("button[name=step][value^='suggestion:']")
            .Single(b => b.TextContent.Contains(title, StringComparison.Ordinal)).GetAttribute("value")!;
        await browser.SubmitAsync(new() { ["step"] = Group("Nieuwe artikelen") }, step);
        Assert.Contains("nog niet opgeslagen", browser.Text, StringComparison.Ordinal);
        await browser.SubmitAsync(new() { ["step"] = Group("Komende bijeenkomsten") }, step);
        Assert.Equal(["Agenda", "Nieuwe artikelen", "Komende bijeenkomsten"], SectionTitles(browser));
        // The empty "Agenda" goes, the events move up, an unpublished item is added and moved to the top.
        await browser.SubmitAsync(new() { ["step"] = "section-remove:0" }, step);
        await browser.SubmitAsync(new() { ["step"] = "section-up:1" }, step);
        await browser.SubmitAsync(new() { ["step"] = "item-add", ["Form.AddItem"] = draft.ToString(), ["Form.AddTo"] = "0" }, step);
        Assert.Contains("Conceptartikel (artikel, niet gepubliceerd: gaat niet mee)", browser.Text, StringComparison.Ordinal);
        var last = browser.Document.QuerySelectorAll("input[name='Form.Sections[0].Items']").Length - 1;
        await browser.SubmitAsync(new() { ["step"] = $"item-up:0:{last}" }, step);
        await browser.SubmitAsync(new() { ["Form.Title"] = "", ["Form.Sections[0].Title"] = " " }, "/beheer/nieuwsbrief/bewerken");
        Assert.Equal("Geef rubriek 1 een kop (hoogstens 200 tekens).", browser.Document.QuerySelector("#section-0-title ~ .kp-field-error")?.TextContent);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AnyAsync(i => i.Type == ContentType.NewsletterIssue && i.Slug != "nieuwsbrief-mei-2017", Ct)));
        await browser.SubmitAsync(new() { ["Form.Title"] = "", ["Form.Sections[0].Title"] = "Komende bijeenkomsten" }, "/beheer/nieuwsbrief/bewerken");
        Assert.Equal("Vul een titel in.", browser.Document.QuerySelector("[data-valmsg-for='Form.Title']")?.TextContent);
        await browser.SubmitAsync(new()
        {
            ["Form.Title"] = "Nieuwsbrief juni",
            ["Form.Preheader"] = "Wijkteams en armoede",
            ["Form.Intro"] = "<p>Welkom <script>alert(1)</script><strong>lezer</strong>.</p>",
            ["Form.Sections[1].Terms"] = theme.ToString(),
        }, "/beheer/nieuwsbrief/bewerken");
        Assert.Contains("Opgeslagen als versie 1", browser.Text, StringComparison.Ordinal);
        var key = Guid.Parse(browser.Url.Split('/')[^1]);
        var saved = await IssueAsync(app, key);
        Assert.Equal(["Komende bijeenkomsten", "Nieuwe artikelen"], saved.Sections.Select(s => s.Title));
        Assert.Equal(draft, saved.Sections[0].Items[^2]); // added last, then moved up one place
        Assert.Contains(upcoming, saved.Sections[0].Items);
        Assert.Contains(article, saved.Sections[1].Items);
        Assert.Equal([theme], saved.Sections[1].Terms!);
        Assert.Null(saved.Sections[0].Terms);
        Assert.DoesNotContain("script", saved.Intro!, StringComparison.Ordinal); // sanitized on save

        // A subscriber without that theme gets only the unlimited section; unpublished items never go out.
        await app.AddActiveSubscribersAsync(2, "regio", all: false, terms: [Guid.NewGuid()]);
        var reader = await app.SubscriberAsync("regio1@example.nl");
        await browser.OpenAsync($"/beheer/nieuwsbrief/voorbeeld/{key}?abonnee=regio1@example.nl");
        Assert.Contains("regio1@example.nl ontvangt de rubrieken: Komende bijeenkomsten.", browser.Text, StringComparison.Ordinal);
        var text = browser.Document.QuerySelector("pre")!.TextContent;
        Assert.Contains("Werkplaats over wijkteams", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Artikel over armoede", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Conceptartikel", text, StringComparison.Ordinal);
        var frame = browser.Document.QuerySelector("iframe")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        using var html = await browser.Client.GetAsync(frame.GetAttribute("src"), Ct);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", html.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var mailHtml = await html.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Werkplaats over wijkteams", mailHtml, StringComparison.Ordinal);
        Assert.Contains("Beste Lezer 1,", mailHtml, StringComparison.Ordinal);

        // Test mail as that subscriber, to the signed-in editor, through the ledger; then the daily limit.
        await browser.SubmitAsync(new() { ["abonnee"] = reader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            formSelector: "form[action*='handler=Test']");
        Assert.Contains($"De testmail is onderweg naar {editorEmail}", browser.Text, StringComparison.Ordinal);
        var mail = Assert.Single(await MimeParser.ParseAsync((await env.Sink.WaitForAsync(1)).Select(m => m.Path)));
        Assert.Equal(editorEmail, mail.ToAddress);
        Assert.Equal("[Test] Nieuwsbrief juni", mail.Subject);
        Assert.Contains("Werkplaats over wijkteams", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Artikel over armoede", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/nieuwsbrief/afmelden/", mail.TextBody, StringComparison.Ordinal); // no live personal links in a test
        Assert.Empty(mail.Defects);
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Test']");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Test']");
        Assert.Contains("maximum aantal testmails", browser.Text, StringComparison.Ordinal);
        await Task.Delay(1000, Ct);
        Assert.Equal(2, env.Sink.Count);
        Assert.Equal(2, (await app.LedgerAsync()).Count(m => m.Kind == SendTestIssue.Kind));
    }

    [Fact]
    public async Task Send_now_asks_for_confirmation_with_the_audience_then_sends_once_to_each_and_reports_progress()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var key = await DraftIssueAsync(app, "Verstuur mij");
        await app.AddActiveSubscribersAsync(12, "lezer");
        var (browser, editor) = await env.SignInAsync();

        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        Assert.Contains("gaat nu naar 12 abonnees", browser.Text, StringComparison.Ordinal);
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Confirm']");
        Assert.Contains("Ja, nu versturen naar 12 abonnees", browser.Text, StringComparison.Ordinal);
        Assert.Empty(await app.LedgerAsync()); // confirming is not sending

        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Send']");
        Assert.Contains("De nieuwsbrief gaat nu naar 12 abonnees", browser.Text, StringComparison.Ordinal);
        Assert.Equal(12, (await env.Sink.WaitForAsync(12)).Select(m => m.Recipients.Single()).Distinct().Count());
        var progress = await Eventually.ValueAsync(async () =>
        {
            var json = JsonDocument.Parse(await browser.Client.GetStringAsync($"/beheer/nieuwsbrief/verzenden/{key}?handler=Voortgang", Ct)).RootElement;
            Assert.True(json.GetProperty("done").GetBoolean());
            return json;
        });
        Assert.Equal((12, 12, 0, 0, 0), (progress.GetProperty("recipients").GetInt32(), progress.GetProperty("sent").GetInt32(),
            progress.GetProperty("failed").GetInt32(), progress.GetProperty("uncertain").GetInt32(), progress.GetProperty("remaining").GetInt32()));
        Assert.Equal("Completed", progress.GetProperty("state").GetString());

        // Published with the send, audited, listed as sent; sending it again is not offered and refused.
        var item = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct));
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.True(await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Web.Audit.AuditEntry>()
            .AnyAsync(a => a.Action == "newsletter.send" && a.Actor == editor && a.TargetId == key.ToString(), Ct)));
        await browser.OpenAsync("/beheer/nieuwsbrief");
        Assert.Contains("Verstuur mij verstuurd", browser.Text, StringComparison.Ordinal);
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        Assert.DoesNotContain("Nu versturen", browser.Text, StringComparison.Ordinal);
        await Task.Delay(500, Ct);
        Assert.Equal(12, env.Sink.Count);
    }

    [Fact]
    public async Task A_confirmation_for_an_older_version_is_refused_and_nothing_is_sent()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var key = await DraftIssueAsync(app, "Versie één");
        await app.AddActiveSubscribersAsync(3, "lezer");
        var (browser, _) = await env.SignInAsync();
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Confirm']");

        await app.SaveAsync(await IssueAsync(app, key) with { Title = "Versie twee" }, key); // a colleague saves meanwhile
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Send']");

        Assert.Contains("gewijzigd nadat u hem bekeek (nu versie 2)", browser.Text, StringComparison.Ordinal);
        Assert.Empty(await app.LedgerAsync());
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<NewsletterSend>().AnyAsync(Ct)));
    }

    [Fact]
    public async Task A_scheduled_send_waits_and_pause_resume_and_cancel_work_from_the_page()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider, new() { ["Newsletter:MaxMessagesPerSecond"] = "20" });
        var app = env.App;
        var key = await DraftIssueAsync(app, "Later versturen");
        await app.AddActiveSubscribersAsync(200, "lezer");
        var (browser, _) = await env.SignInAsync();

        var tomorrow = DateOnly.FromDateTime(KnowledgePlatform.Web.Infrastructure.DutchTime.ToAmsterdam(DateTimeOffset.UtcNow).DateTime).AddDays(1);
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        await browser.SubmitAsync(new() { ["Date"] = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Time"] = "09:30" },
            formSelector: "form[action*='handler=Schedule']");
        Assert.Contains($"Ingepland voor {tomorrow.Day} ", browser.Text, StringComparison.Ordinal);
        Assert.Contains("om 09:30, aan 200 abonnees", browser.Text, StringComparison.Ordinal);
        var send = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<NewsletterSend>().AsNoTracking().SingleAsync(Ct));
        Assert.Equal((SendState.Scheduled, new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(9, 30)), KnowledgePlatform.Web.Infrastructure.DutchTime.Amsterdam.GetUtcOffset(tomorrow.ToDateTime(new TimeOnly(9, 30)))).UtcDateTime),
            (send.State, send.ScheduledUtc!.Value));
        Assert.All(await app.LedgerAsync(send.Id), r => Assert.Equal(MailState.Held, r.State));
        var slug = (await IssueAsync(app, key)).Slug;
        Assert.False(await IsPublicAsync(app, slug), "a scheduled issue is online before it went out");

        // Resuming a paused scheduled send starts it now, and its web version goes online with it;
        // then pause it mid-way, resume, and it finishes: each once.
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Pause']");
        Assert.Contains("De verzending is gepauzeerd", browser.Text, StringComparison.Ordinal);
        await Task.Delay(1500, Ct);
        Assert.Equal(0, env.Sink.Count);
        Assert.False(await IsPublicAsync(app, slug));
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Resume']");
        await env.Sink.WaitForAsync(20);
        Assert.True(await IsPublicAsync(app, slug), "the issue went out but its web version is not online");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Pause']");
        await Task.Delay(2000, Ct);
        var paused = env.Sink.Count;
        await Task.Delay(1500, Ct);
        Assert.Equal(paused, env.Sink.Count);
        Assert.True(paused < 200, $"{paused} sent before the pause took effect");
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        Assert.Contains("Status: gepauzeerd", browser.Text, StringComparison.Ordinal);
        Assert.Contains("Gepauzeerd door", browser.Text, StringComparison.Ordinal);

        // Cancelling needs the box ticked.
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Cancel']");
        Assert.Contains("Er is niets veranderd", browser.Text, StringComparison.Ordinal);
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Resume']");
        Assert.Equal(200, (await env.Sink.WaitForAsync(200)).Select(m => m.Recipients.Single()).Distinct().Count());
        await Task.Delay(500, Ct);
        Assert.Equal(200, env.Sink.Count);
    }

    [Fact]
    public async Task A_scheduled_issue_goes_online_when_the_scheduler_sends_it_not_before()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var key = await DraftIssueAsync(app, "Op tijd online");
        await app.AddActiveSubscribersAsync(3, "lezer");
        var (browser, _) = await env.SignInAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await browser.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        await browser.SubmitAsync(new() { ["Date"] = tomorrow, ["Time"] = "08:00" }, formSelector: "form[action*='handler=Schedule']");
        var slug = (await IssueAsync(app, key)).Slug;
        Assert.False(await IsPublicAsync(app, slug));
        using (var api = app.CreateClient())
        {
            Assert.DoesNotContain(slug, await api.GetStringAsync("/api/v1/content?type=newsletterIssue", Ct), StringComparison.Ordinal);
        }

        // The set time comes: the scheduler starts the send and publishes the issue in the same step.
        await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<NewsletterSend>().ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledUtc, DateTime.UtcNow.AddMinutes(-1)), Ct));
        Assert.Equal(3, (await env.Sink.WaitForAsync(3)).Count);
        Assert.True(await IsPublicAsync(app, slug));
        var audit = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "content.publish-scheduled").ToListAsync(Ct));
        Assert.Equal(key.ToString(), Assert.Single(audit).TargetId);
    }

    [Fact]
    public async Task Cancelling_stops_the_rest_and_an_author_may_compose_but_not_send()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var key = await DraftIssueAsync(app, "Annuleer mij");
        await app.AddActiveSubscribersAsync(5, "lezer");
        var (author, _) = await env.SignInAsync(Roles.Auteur);
        Assert.Equal(HttpStatusCode.OK, (await author.OpenAsync($"/beheer/nieuwsbrief/bewerken/{key}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await author.OpenAsync($"/beheer/nieuwsbrief/voorbeeld/{key}")).Status);
        Assert.Empty(author.Document.QuerySelectorAll("form[action*='handler=Test']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.OpenAsync("/beheer/nieuwsbrief/abonnees")).Status);
        var (editor, _) = await env.SignInAsync();
        await editor.OpenAsync($"/beheer/nieuwsbrief/verzenden/{key}");
        var token = editor.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = await author.Client.PostAsync($"/beheer/nieuwsbrief/verzenden/{key}?handler=Send",
            new FormUrlEncodedContent([new("Version", "1"), new("__RequestVerificationToken", token)]), Ct);
        Assert.True(forged.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"answered {(int)forged.StatusCode}");
        Assert.Empty(await app.LedgerAsync());

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await editor.SubmitAsync(new() { ["Date"] = tomorrow, ["Time"] = "10:00" }, formSelector: "form[action*='handler=Schedule']");
        await editor.SubmitAsync(new() { ["zeker"] = "true" }, formSelector: "form[action*='handler=Cancel']");
        Assert.Contains("De verzending is geannuleerd", editor.Text, StringComparison.Ordinal);
        Assert.All(await app.LedgerAsync(), r => Assert.Equal(MailState.Cancelled, r.State));
        Assert.Contains("Nu versturen", editor.Text, StringComparison.Ordinal); // nothing went out: it may be sent after all
        Assert.False(await IsPublicAsync(app, (await IssueAsync(app, key)).Slug), "a cancelled scheduled issue went online");
    }

    /// <summary>
    /// Whether a reader finds the issue: its web version, the archive and the sitemap (all or none).
    /// The archive and sitemap may come from the output cache, which the outbox empties within its
    /// one-second poll after a publish, so once the page is online they get a few seconds to follow.
    /// </summary>
    private static async Task<bool> IsPublicAsync(PlatformFactory app, string slug)
    {
        using var reader = app.CreateClient();
        using var page = await reader.GetAsync($"/nieuwsbrief/{slug}", Ct);
        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"the issue page answered {(int)page.StatusCode}");
        var online = page.StatusCode == HttpStatusCode.OK;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var inArchive = (await reader.GetStringAsync("/nieuwsbrief", Ct)).Contains($"/nieuwsbrief/{slug}", StringComparison.Ordinal);
            var inSitemap = (await reader.GetStringAsync("/sitemap.xml", Ct)).Contains($"/nieuwsbrief/{slug}<", StringComparison.Ordinal);
            if ((inArchive, inSitemap) == (online, online) || !online || DateTime.UtcNow > deadline)
            {
                Assert.Equal((online, online), (inArchive, inSitemap));
                return online;
            }

            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task An_author_changes_only_their_own_draft_issue_and_sees_others_read_only()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var (authorA, _) = await env.SignInAsync(Roles.Auteur);
        var (authorB, _) = await env.SignInAsync(Roles.Auteur);
        await authorA.OpenAsync("/beheer/nieuwsbrief/bewerken");
        await authorA.SubmitAsync(new() { ["Form.Title"] = "Van auteur A" }, "/beheer/nieuwsbrief/bewerken");
        Assert.Contains("Opgeslagen als versie 1", authorA.Text, StringComparison.Ordinal);
        var key = authorA.Url.Split('/')[^1];

        await authorB.OpenAsync($"/beheer/nieuwsbrief/bewerken/{key}");
        Assert.Contains("Alleen lezen. Dit item is door iemand anders gemaakt", authorB.Text, StringComparison.Ordinal);
        Assert.Empty(authorB.Document.QuerySelectorAll("main form[method=post]"));
        var token = (await new EditorBrowser(authorB.Client).OpenAsync("/beheer/nieuwsbrief/bewerken")).Document
            .QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!; // B's own, valid token
        foreach (var handler in new[] { "", "?handler=Step" })
        {
            using var forged = await authorB.Client.PostAsync($"/beheer/nieuwsbrief/bewerken/{key}{handler}",
                new FormUrlEncodedContent([new("Form.Title", "Overgenomen"), new("Form.LoadedVersion", "1"), new("step", "section-add"), new("__RequestVerificationToken", token)]), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        await authorA.SubmitAsync(new() { ["Form.Preheader"] = "Nog even" });
        Assert.Contains("Opgeslagen als versie 2", authorA.Text, StringComparison.Ordinal);
        Assert.Equal("Van auteur A", (await IssueAsync(env.App, Guid.Parse(key))).Title);
    }

    private static List<string?> SectionTitles(EditorBrowser browser) =>
        [.. browser.Document.QuerySelectorAll("input[id^='section-'][id$='-title']").Select(i => i.GetAttribute("value"))];

    internal static async Task<Guid> DraftIssueAsync(PlatformFactory app, string title)
    {
        var item = await app.PublishAsync(TestContent.Article(title: $"Artikel voor {title}"));
        return (await app.SaveAsync(new NewsletterIssueContent
        {
            Title = title,
            Slug = TestContent.UniqueSlug("nieuwsbrief"),
            Intro = "<p>Hallo.</p>",
            Sections = [new NewsletterSection { Title = "Nieuws", Items = [item] }],
        })).Key;
    }

    internal static Task<NewsletterIssueContent> IssueAsync(PlatformFactory app, Guid key) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct);
        return (NewsletterIssueContent)ContentJson.DeserializeBody(await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(Ct));
    });
}

public sealed class IssueAdminTests_Sqlite() : IssueAdminTests(DatabaseProvider.Sqlite);

public sealed class IssueAdminTests_Postgres() : IssueAdminTests(DatabaseProvider.Postgres);
