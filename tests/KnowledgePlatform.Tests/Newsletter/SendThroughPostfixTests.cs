using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// The whole app configured as an operator would for a private relay — STARTTLS, the relay's CA in
/// Smtp:TrustedCertificate, credentials — sending an issue through a real Postfix; and a wrong
/// Smtp:TrustedCertificate stopping start-up with one sentence.
/// </summary>
public sealed class SendThroughPostfixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_issue_goes_out_over_starttls_with_auth_through_postfix_and_every_message_parses_cleanly()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var relay = await PostfixRelay.StartAsync(sink.Port);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new MailPlatformFactory(database, relay.Port, new Dictionary<string, string>
        {
            ["Smtp:Host"] = "localhost",
            ["Smtp:UseStartTls"] = "true",
            ["Smtp:TrustedCertificate"] = relay.Certificates.CaPem,
            ["Smtp:Username"] = PostfixRelay.UserName,
            ["Smtp:Password"] = PostfixRelay.Password,
        });
        var item = await app.PublishAsync(TestContent.Event(title: "Werkplaats ‘wonen & zorg’"));
        var issueKey = await app.PublishAsync(new NewsletterIssueContent
        {
            Title = "Nieuwsbrief via Postfix – één",
            Slug = TestContent.UniqueSlug("postfix"),
            Intro = "<p>Welkom, lezer.</p>",
            Sections = [new NewsletterSection { Title = "Agenda", Items = [item] }],
        });
        await app.AddActiveSubscribersAsync(25, "postfix");

        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(new PrepareSend.Command(issueKey, null, "redacteur@example.org"), Ct));

        var received = await Eventually.ValueAsync(() =>
        {
            var all = sink.Messages();
            Assert.True(all.Count >= 25, $"{all.Count} of 25 relayed so far. Postfix log:\n{relay.Log}");
            return Task.FromResult(all);
        }, 90);
        Assert.Equal(25, received.Count);
        // Postfix accepts a message and relays it before the sender has recorded it as sent.
        var ledger = await Eventually.ValueAsync(async () =>
        {
            var rows = await app.LedgerAsync(send.Id);
            Assert.All(rows, r => Assert.Equal(MailState.Sent, r.State));
            return rows;
        }, 30);
        Assert.Equal(ledger.Select(r => r.MessageId!).Order(), received.Select(m => m.MessageId!).Order());
        Assert.All(received, m => Assert.Contains("with ESMTPSA", m.Raw, StringComparison.Ordinal));
        var parsed = await MimeParser.ParseAsync(received.Select(m => m.Path));
        Assert.All(parsed, p =>
        {
            Assert.Empty(p.Defects);
            Assert.Equal("Nieuwsbrief via Postfix – één", p.Subject);
            Assert.Contains("wonen &amp; zorg", p.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Werkplaats ‘wonen & zorg’", p.TextBody, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", p.ListUnsubscribePost);
        });
    }

    [Fact]
    public async Task A_trusted_certificate_that_is_not_a_readable_pem_stops_start_up_naming_the_setting()
    {
        var data = Directory.CreateTempSubdirectory("kp-startup-").FullName;
        var notPem = Path.Combine(data, "relay.pem");
        await File.WriteAllTextAsync(notPem, "geen certificaat", Ct);

        foreach (var path in new[] { notPem, Path.Combine(data, "bestaat-niet.pem") })
        {
            var result = await AppProcess.RunAsync([$"--Storage:DataPath={data}", $"--Smtp:TrustedCertificate={path}"], TimeSpan.FromSeconds(90));

            Assert.Equal(1, result.ExitCode);
            var message = result.Error.Trim();
            Assert.Contains("Smtp:TrustedCertificate", message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
            Assert.Single(message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
