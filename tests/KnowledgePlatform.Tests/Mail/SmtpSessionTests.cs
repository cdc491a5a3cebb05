using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Tests.Mail;

/// <summary>Our SMTP client against Postfix's smtp-sink: pipelined batches, failures per message, broken servers.</summary>
public sealed class SmtpSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pipelined_batch_arrives_complete_and_in_order_over_one_connection()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var session = await SmtpSession.OpenAsync(TestMails.Smtp(sink.Port), Ct);
        Assert.True(session.Pipelining);
        var envelopes = Enumerable.Range(0, 50).Select(i => TestMails.Envelope(TestMails.Simple($"lezer{i}@example.nl", $"k{i}"), $"m{i}@kennisplatform.test")).ToList();

        var results = await session.SendAsync(envelopes, Ct);

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        var messages = await sink.WaitForAsync(50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}@kennisplatform.test").Order(), messages.Select(m => m.MessageId!).Order());
        Assert.All(messages, m => Assert.Single(m.Recipients));
        Assert.Equal(50, messages.Select(m => m.Recipients[0]).Distinct().Count());
    }

    [Fact]
    public async Task Temporary_and_permanent_refusals_are_told_apart_and_the_session_goes_on()
    {
        await using var soft = await SmtpSink.StartAsync("-r", "RCPT");
        await using (var session = await SmtpSession.OpenAsync(TestMails.Smtp(soft.Port), Ct))
        {
            var results = await session.SendAsync([TestMails.Envelope(TestMails.Simple("a@example.nl", "a")), TestMails.Envelope(TestMails.Simple("b@example.nl", "b"))], Ct);
            Assert.All(results, r => Assert.Equal(SendOutcome.Transient, r.Outcome));
            Assert.True(session.IsUsable);
        }

        await using var hard = await SmtpSink.StartAsync("-f", "RCPT");
        await using (var session = await SmtpSession.OpenAsync(TestMails.Smtp(hard.Port), Ct))
        {
            var results = await session.SendAsync([TestMails.Envelope(TestMails.Simple("a@example.nl", "a")), TestMails.Envelope(TestMails.Simple("b@example.nl", "b"))], Ct);
            Assert.All(results, r => Assert.Equal(SendOutcome.Permanent, r.Outcome));
            Assert.StartsWith("5", results[0].Reply, StringComparison.Ordinal);
        }

        Assert.Equal(0, soft.Count + hard.Count);
    }

    [Fact]
    public async Task A_server_that_hangs_up_after_the_data_leaves_that_message_unknown_and_the_rest_untransmitted()
    {
        // -q "." : smtp-sink disconnects without a reply after the end of the data.
        await using var sink = await SmtpSink.StartAsync("-q", ".");
        await using var session = await SmtpSession.OpenAsync(TestMails.Smtp(sink.Port), Ct);
        var results = await session.SendAsync([.. Enumerable.Range(0, 3).Select(i => TestMails.Envelope(TestMails.Simple($"x{i}@example.nl", $"k{i}")))], Ct);

        Assert.Equal([SendOutcome.Unknown, SendOutcome.NotTransmitted, SendOutcome.NotTransmitted], results.Select(r => r.Outcome));
        Assert.False(session.IsUsable);
    }

    [Fact]
    public async Task Nobody_listening_is_a_connect_failure_not_a_send_result()
    {
        await using var sink = await SmtpSink.StartAsync();
        var port = sink.Port;
        await sink.DisposeAsync();

        await Assert.ThrowsAsync<SmtpConnectException>(() => SmtpSession.OpenAsync(TestMails.Smtp(port), Ct));
    }

    [Fact]
    public async Task Credentials_are_sent_with_AUTH_PLAIN_on_loopback()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = TestMails.Smtp(sink.Port);
        options.Username = "gebruiker";
        options.Password = "geheim";
        await using var session = await SmtpSession.OpenAsync(options, Ct);

        var results = await session.SendAsync([TestMails.Envelope(TestMails.Simple("a@example.nl", "a"))], Ct);
        Assert.Equal(SendOutcome.Accepted, results[0].Outcome);
    }

    [Fact]
    public async Task Starttls_is_required_when_configured_and_never_silently_skipped()
    {
        await using var sink = await SmtpSink.StartAsync(); // smtp-sink offers no STARTTLS
        var ex = await Assert.ThrowsAsync<SmtpConnectException>(() => SmtpSession.OpenAsync(TestMails.Smtp(sink.Port, startTls: true), Ct));
        Assert.Contains("STARTTLS", ex.Message, StringComparison.Ordinal);
    }
}
