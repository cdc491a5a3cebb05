using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Tests.Mail;

/// <summary>
/// Our SMTP client against a real Postfix smtpd (its own instance, see <see cref="PostfixRelay"/>):
/// plain, STARTTLS with a private CA trusted through Smtp:TrustedCertificate, AUTH over TLS; what
/// Postfix accepts is relayed to smtp-sink and must parse cleanly in Python's email package.
/// </summary>
public sealed class PostfixRelayTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SmtpSink sink = null!;
    private PostfixRelay relay = null!;

    public async ValueTask InitializeAsync()
    {
        sink = await SmtpSink.StartAsync();
        relay = await PostfixRelay.StartAsync(sink.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await relay.DisposeAsync();
        await sink.DisposeAsync();
    }

    private SmtpOptions Options(bool startTls, string? trusted = null, string? user = null, string? password = null)
    {
        var options = TestMails.Smtp(relay.Port, startTls);
        options.Host = startTls ? "localhost" : "127.0.0.1"; // the name on the relay's certificate
        options.TrustedCertificate = trusted;
        options.Username = user;
        options.Password = password;
        return options;
    }

    private static async Task<IReadOnlyList<SendResult>> SendAsync(SmtpOptions options, int count, string prefix)
    {
        await using var session = await SmtpSession.OpenAsync(options, Ct);
        Assert.True(session.Pipelining);
        return await session.SendAsync([.. Enumerable.Range(0, count).Select(i => TestMails.Envelope(
            TestMails.Simple($"{prefix}{i}@example.nl", $"{prefix}{i}", $"Bericht {i} via Postfix – één"), $"{prefix}{i}@kennisplatform.test"))], Ct);
    }

    private async Task<IReadOnlyList<MimeParser.Parsed>> ReceivedAsync(string prefix, int count)
    {
        var messages = await Eventually.ValueAsync(() =>
        {
            var ours = sink.Messages().Where(m => m.MessageId!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.True(ours.Count >= count, $"{ours.Count} of {count} relayed so far. Postfix log:\n{relay.Log}");
            return Task.FromResult(ours);
        }, 60);
        Assert.Equal(count, messages.Count);
        var parsed = await MimeParser.ParseAsync(messages.Select(m => m.Path));
        Assert.All(parsed, p => Assert.Empty(p.Defects));
        return parsed;
    }

    [Fact]
    public async Task A_pipelined_batch_over_plain_smtp_is_accepted_relayed_and_parses_cleanly()
    {
        var results = await SendAsync(Options(startTls: false), 20, "plain");

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        var parsed = await ReceivedAsync("plain", 20);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"plain{i}@example.nl").Order(), parsed.Select(p => p.ToAddress!).Order());
        Assert.All(parsed, p => Assert.StartsWith("Bericht ", p.Subject, StringComparison.Ordinal));
        Assert.Contains(parsed, p => p.Subject == "Bericht 7 via Postfix – één" && p.TextBody!.StartsWith("Bericht 7 via Postfix – één", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starttls_with_the_relays_private_ca_as_trusted_certificate_sends_and_authenticates()
    {
        var results = await SendAsync(Options(startTls: true, relay.Certificates.CaPem, PostfixRelay.UserName, PostfixRelay.Password), 10, "tls");

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        await ReceivedAsync("tls", 10);
        // Postfix's Received header says how it got the mail: ESMTP + S (TLS) + A (authenticated).
        Assert.All(sink.Messages().Where(m => m.MessageId!.StartsWith("tls", StringComparison.Ordinal)),
            m => Assert.Contains("with ESMTPSA", m.Raw, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_server_certificate_itself_can_be_the_trusted_certificate()
    {
        var results = await SendAsync(Options(startTls: true, relay.Certificates.CertificatePem), 1, "pinned");

        Assert.Equal(SendOutcome.Accepted, Assert.Single(results).Outcome);
        await ReceivedAsync("pinned", 1);
    }

    [Fact]
    public async Task A_certificate_that_is_not_trusted_or_not_for_the_host_is_refused()
    {
        var untrusted = await Assert.ThrowsAsync<SmtpConnectException>(() => SmtpSession.OpenAsync(Options(startTls: true), Ct));
        Assert.Contains("certificate", untrusted.Message, StringComparison.OrdinalIgnoreCase);

        var other = TestCertificates.Create(Directory.CreateTempSubdirectory("kp-other-ca-").FullName, "Andere CA");
        await Assert.ThrowsAsync<SmtpConnectException>(() => SmtpSession.OpenAsync(Options(startTls: true, other.CaPem), Ct));

        // Right CA, wrong name: the certificate names localhost, not 127.0.0.1.
        var wrongName = Options(startTls: true, relay.Certificates.CaPem);
        wrongName.Host = "127.0.0.1";
        await Assert.ThrowsAsync<SmtpConnectException>(() => SmtpSession.OpenAsync(wrongName, Ct));
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public async Task Wrong_credentials_stop_the_session_before_any_mail()
    {
        var ex = await Assert.ThrowsAsync<SmtpConnectException>(() =>
            SmtpSession.OpenAsync(Options(startTls: true, relay.Certificates.CaPem, PostfixRelay.UserName, "fout"), Ct));
        Assert.Contains("AUTH", ex.Message, StringComparison.Ordinal);
    }
}
