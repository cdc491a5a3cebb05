using KnowledgePlatform.Web.Mail.Smtp;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Mail;

/// <summary>The seam to the outside mail system: open a session, send envelopes over it.</summary>
public interface IMailTransport
{
    /// <summary>Throws <see cref="SmtpConnectException"/> when the relay cannot be used.</summary>
    Task<IMailTransportSession> OpenAsync(CancellationToken ct);
}

public interface IMailTransportSession : IAsyncDisposable
{
    bool IsUsable { get; }

    Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<SmtpEnvelope> batch, CancellationToken ct);
}

/// <summary>SMTP to the relay in Smtp:*, one pipelined connection per session.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task<IMailTransportSession> OpenAsync(CancellationToken ct) =>
        new Session(await SmtpSession.OpenAsync(options.Value, ct));

    private sealed class Session(SmtpSession session) : IMailTransportSession
    {
        public bool IsUsable => session.IsUsable;

        public Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<SmtpEnvelope> batch, CancellationToken ct) =>
            session.SendAsync(batch, ct);

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
