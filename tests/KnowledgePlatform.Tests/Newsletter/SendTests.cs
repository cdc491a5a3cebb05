using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>Preparing and sending an issue: audience per section, personal links, RFC 8058 headers, clean MIME.</summary>
public abstract class SendTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_subscriber_gets_only_the_sections_for_them_and_nobody_gets_an_empty_issue()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, sink.Port, importDemo: true);
        _ = app.Server;
        var theme = await app.TermAsync(Vocabulary.ThemeAlias, "sociaal-domein");
        var region = await app.TermAsync(Vocabulary.RegionAlias, "utrecht");
        var themed = await app.PublishAsync(TestContent.Event(title: "Werkplaats sociaal domein"));
        var regional = await app.PublishAsync(TestContent.Article(title: "Nieuws uit Utrecht"));
        var issueKey = await app.PublishAsync(new NewsletterIssueContent
        {
            Title = "Nieuwsbrief – ‘juni’",
            Slug = TestContent.UniqueSlug("nieuwsbrief"),
            Preheader = "Alles over juni",
            Intro = "<p>Welkom bij deze editie.</p>",
            Sections =
            [
                new NewsletterSection { Title = "Rubriek thema", Items = [themed], Terms = [theme] },
                new NewsletterSection { Title = "Rubriek regio", Items = [regional], Terms = [region] },
            ],
        });
        await app.AddActiveSubscribersAsync(4, "thema", all: false, terms: [theme]);
        await app.AddActiveSubscribersAsync(3, "niets", all: false, terms: [Guid.NewGuid()]);
        await app.AddActiveSubscribersAsync(2, "alles", all: true);

        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(new PrepareSend.Command(issueKey, null, "redacteur@example.org"), Ct));

        Assert.Equal(6, send.Recipients);
        var received = await sink.WaitForAsync(6);
        await Eventually.AssertAsync(async () => Assert.All(await app.LedgerAsync(send.Id), r => Assert.Equal(MailState.Sent, r.State)));
        var mails = await MimeParser.ParseAsync(received.Select(m => m.Path));
        Assert.All(mails, m => Assert.Empty(m.Defects));
        foreach (var mail in mails)
        {
            // Sent in pieces (the shared ones encoded once per send), each body decodes to exactly what the preview composes.
            var (html, text) = await ComposedForAsync(app, send.Id, mail.ToAddress!);
            Assert.Equal(html, mail.HtmlBody);
            Assert.Equal(text, mail.TextBody!.ReplaceLineEndings("\n"));
        }

        Assert.DoesNotContain(mails, m => m.ToAddress!.StartsWith("niets", StringComparison.Ordinal));
        var themeMail = mails.First(m => m.ToAddress!.StartsWith("thema", StringComparison.Ordinal));
        Assert.Contains("Rubriek thema", themeMail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rubriek regio", themeMail.HtmlBody + themeMail.TextBody, StringComparison.Ordinal);
        var allMail = mails.First(m => m.ToAddress!.StartsWith("alles", StringComparison.Ordinal));
        Assert.Contains("Rubriek regio", allMail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Nieuwsbrief – ‘juni’", allMail.Subject);
        Assert.All(mails, m =>
        {
            Assert.Equal("List-Unsubscribe=One-Click", m.ListUnsubscribePost);
            Assert.Matches("^<https?://[^>]+/nieuwsbrief/afmelden/[0-9]+\\.[A-Za-z0-9_-]+>, <mailto:", m.ListUnsubscribe);
            Assert.Contains("/nieuwsbrief/voorkeuren/", m.TextBody, StringComparison.Ordinal);
        });

        // The header's one-click URL works as is, without cookies.
        var oneClick = new Uri(themeMail.ListUnsubscribe!.Split('<', '>')[1]);
        using var client = app.CreateClient(new() { HandleCookies = false });
        var post = await client.PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
        Assert.True(post.IsSuccessStatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.SubscriberAsync(themeMail.ToAddress!)).Status);

        await Eventually.AssertAsync(async () =>
            Assert.Equal(SendState.Completed, (await app.InScopeAsync(sp => sp.Service<SendProgress>().ForAsync(send.Id, Ct)))!.State));
    }

    [Fact]
    public async Task A_paused_send_sends_nothing_until_resumed_and_a_scheduled_one_waits()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, sink.Port, importDemo: true);
        _ = app.Server;
        var issueKey = await app.PublishIssueWithOneArticleAsync("Later", "later");
        await app.AddActiveSubscribersAsync(20, "wacht");

        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(issueKey, DateTime.UtcNow.AddDays(1), "redacteur@example.org"), Ct));
        Assert.Equal(SendState.Scheduled, send.State);
        Assert.True(await app.InScopeAsync(sp => sp.Service<SendControl>().PauseAsync(send.Id, null, Ct)));
        await Task.Delay(1500, Ct);
        Assert.Equal(0, sink.Count);
        Assert.All(await app.LedgerAsync(send.Id), r => Assert.Equal(MailState.Held, r.State));

        Assert.True(await app.InScopeAsync(sp => sp.Service<SendControl>().ResumeAsync(send.Id, Ct)));
        Assert.Equal(20, (await sink.WaitForAsync(20)).Select(m => m.Recipients.Single()).Distinct().Count());
    }

    private static Task<(string Html, string Text)> ComposedForAsync(MailPlatformFactory app, long sendId, string email) =>
        app.InScopeAsync(async sp =>
        {
            var subscriber = await PlatformFactory.Db(sp).Set<Subscriber>().AsNoTracking().SingleAsync(s => s.Email == email, Ct);
            var template = (await sp.Service<IssueTemplates>().ForSendAsync(sendId, Ct))!;
            var links = sp.Service<NewsletterLinks>();
            var token = await links.TokenAsync(subscriber, Ct);
            var sections = IssueAudience.SectionsFor(template.Issue, subscriber.AllTopics, subscriber.TermKeys().ToHashSet());
            return IssueMailSource.Compose(template, subscriber.Name, sections, links.PreferencesUrl(token), links.UnsubscribeUrl(token));
        });
}

public sealed class SendTests_Sqlite() : SendTests(DatabaseProvider.Sqlite);

public sealed class SendTests_Postgres() : SendTests(DatabaseProvider.Postgres);
