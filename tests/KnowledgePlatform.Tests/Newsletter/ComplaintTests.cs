using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// Spam complaints stop a subscriber at once: from a provider's feedback report (ARF, RFC 5965) built
/// around a mail the sink really received, or recorded by an editor in the back-office.
/// </summary>
public abstract class ComplaintTests(DatabaseProvider provider)
{
    private const string Token = "feedback-token-for-tests-only";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feedback_report_about_our_mail_stops_that_subscriber_and_cancels_their_waiting_mail()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider, new() { ["Newsletter:FeedbackToken"] = Token });
        var app = env.App;
        var issue = await app.PublishIssueWithOneArticleAsync("Klachten", "klachten");
        await app.AddActiveSubscribersAsync(2, "lezer");
        await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(new PrepareSend.Command(issue, null, "redacteur@example.org"), Ct));
        var received = await env.Sink.WaitForAsync(2);
        var mail = received.Single(m => m.Recipients.Single() == "lezer0@example.nl");
        var laterIssue = await app.PublishIssueWithOneArticleAsync("Later", "later");
        var later = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(laterIssue, DateTime.UtcNow.AddDays(1), "redacteur@example.org"), Ct));
        using var client = app.CreateClient();

        // Not ours to read without the token; not a report; "not-spam" and a guessed Message-ID change nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, Report(mail.Raw, "abuse"), "wrong")).StatusCode);
        using var notAReport = await PostAsync(client, "Hallo,\r\n\r\ndit is geen rapport.\r\n", Token);
        Assert.Equal(HttpStatusCode.BadRequest, notAReport.StatusCode);
        Assert.Contains("Feedback-Type", await notAReport.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await StoppedAsync(await PostAsync(client, Report(mail.Raw, "not-spam"), Token)));
        var guessed = mail.MessageId!.Split('.')[0] + ".geraden@kennisplatform.test";
        Assert.Equal(0, await StoppedAsync(await PostAsync(client, Report($"Message-ID: <{guessed}>\r\n", "abuse"), Token)));
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync("lezer0@example.nl")).Status);

        Assert.Equal(1, await StoppedAsync(await PostAsync(client, Report(mail.Raw, "abuse"), Token)));

        var stopped = await app.SubscriberAsync("lezer0@example.nl");
        Assert.Equal(SubscriberStatus.Bounced, stopped.Status);
        Assert.StartsWith("Klacht: Als spam gemeld", stopped.LastBounce, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await app.SubscriberAsync("lezer1@example.nl")).Status);
        var consent = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<ConsentRecord>().AsNoTracking().Where(c => c.SubscriberId == stopped.Id).OrderBy(c => c.Id).LastAsync(Ct));
        Assert.Equal(("complaint", "feedback-report"), (consent.Action, consent.Source));
        var waiting = await app.LedgerAsync(later.Id);
        Assert.Equal(MailState.Cancelled, waiting.Single(r => r.RecipientRef == stopped.Id).State);
        Assert.Equal(MailState.Held, waiting.Single(r => r.RecipientRef != stopped.Id).State);
    }

    [Fact]
    public async Task Without_a_configured_token_the_endpoint_is_off_and_an_editor_can_record_a_complaint()
    {
        await using var env = await NewsletterAdminApp.StartAsync(provider);
        var app = env.App;
        var id = (await app.AddActiveSubscribersAsync(1, "klager")).Single();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, Report("Message-ID: <1.a@b.c>\r\n", "abuse"), Token)).StatusCode);

        var (browser, editor) = await env.SignInAsync();
        await browser.OpenAsync($"/beheer/nieuwsbrief/abonnees/abonnee/{id}");
        await browser.SubmitAsync(new(), formSelector: "form[action*='handler=Complaint']");

        Assert.Contains("gestopt (bounces of klacht)", browser.Text, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Bounced, (await app.SubscriberAsync("klager0@example.nl")).Status);
        var audit = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == "subscriber.complaint", Ct));
        Assert.Equal(editor, audit.Actor);
    }

    /// <summary>A report as Yahoo and Microsoft send them: a human part, the machine part, then the original headers.</summary>
    private static string Report(string original, string feedbackType)
    {
        var headers = original.ReplaceLineEndings("\r\n").Split("\r\n\r\n", 2)[0];
        return $"""
            From: feedback@provider.example
            To: fbl@kennisplatform.test
            Subject: Abuse report
            Message-ID: <rapport-1@provider.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="grens"

            --grens
            Content-Type: text/plain

            This is an email abuse report for an email message received from IP 127.0.0.1.

            --grens
            Content-Type: message/feedback-report

            Feedback-Type: {feedbackType}
            User-Agent: ProviderFBL/1.0
            Version: 1

            --grens
            Content-Type: text/rfc822-headers

            {headers}

            --grens--
            """.ReplaceLineEndings("\r\n");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string report, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/newsletter/feedback-reports")
        {
            Content = new StringContent(report, Encoding.UTF8, "message/rfc822"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<int> StoppedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("stopped").GetInt32();
        }
    }
}

public sealed class ComplaintTests_Sqlite() : ComplaintTests(DatabaseProvider.Sqlite);

public sealed class ComplaintTests_Postgres() : ComplaintTests(DatabaseProvider.Postgres);
