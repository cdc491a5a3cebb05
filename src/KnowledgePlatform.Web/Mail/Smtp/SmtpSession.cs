using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace KnowledgePlatform.Web.Mail.Smtp;

/// <summary>One envelope and its finished message bytes (CRLF lines, no line starting with a dot).</summary>
public sealed record SmtpEnvelope(string From, string To, byte[] Message);

/// <summary>
/// A small SMTP client for bulk sending over one connection: EHLO, STARTTLS, AUTH PLAIN/LOGIN, then
/// many messages with RFC 2920 pipelining — the end of one message's data travels together with the
/// next message's MAIL/RCPT/DATA, so each message costs one round trip instead of five.
/// </summary>
public sealed partial class SmtpSession : IAsyncDisposable
{
    private readonly SmtpOptions options;
    private readonly TcpClient client;
    private Stream stream;
    private BufferedStream writer;
    private readonly SmtpReplyReader reader;
    private HashSet<string> capabilities = new(StringComparer.OrdinalIgnoreCase);

    private SmtpSession(SmtpOptions options, TcpClient client, Stream stream)
    {
        this.options = options;
        this.client = client;
        this.stream = stream;
        writer = new BufferedStream(stream, 64 * 1024);
        reader = new SmtpReplyReader(stream);
    }

    /// <summary>False after any I/O failure; the caller opens a new session.</summary>
    public bool IsUsable { get; private set; } = true;

    public bool Pipelining => capabilities.Contains("PIPELINING");

    public static async Task<SmtpSession> OpenAsync(SmtpOptions options, CancellationToken ct)
    {
        var client = new TcpClient { NoDelay = true };
        SmtpSession? session = null;
        try
        {
            using (var timeout = Timeout(options, ct))
            {
                await client.ConnectAsync(options.Host, options.Port, timeout.Token);
            }

            session = new SmtpSession(options, client, client.GetStream());
            await session.HandshakeAsync(ct);
            return session;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or SmtpConnectException
                                   && !ct.IsCancellationRequested)
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            else
            {
                client.Dispose();
            }

            throw ex as SmtpConnectException ?? new SmtpConnectException($"SMTP server {options.Host}:{options.Port} not usable: {ex.Message}", ex);
        }
    }

    private async Task HandshakeAsync(CancellationToken ct)
    {
        Expect(await ReadAsync(ct), 220, "greeting");
        await EhloAsync(ct);
        if (options.UseStartTls)
        {
            if (!capabilities.Contains("STARTTLS"))
            {
                throw new SmtpConnectException($"SMTP server {options.Host} does not offer STARTTLS, and Smtp:UseStartTls requires it.");
            }

            Expect(await CommandAsync("STARTTLS", ct), 220, "STARTTLS");
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, RelayCertificate.Validation(options));
            using (var timeout = Timeout(options, ct))
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, timeout.Token);
            }

            stream = ssl;
            writer = new BufferedStream(ssl, 64 * 1024);
            reader.Stream = ssl;
            await EhloAsync(ct);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            await AuthenticateAsync(ct);
        }
    }

    private async Task EhloAsync(CancellationToken ct)
    {
        var reply = await CommandAsync("EHLO " + HeloName(), ct);
        Expect(reply, 250, "EHLO");
        capabilities = new HashSet<string>(reply.Lines.Skip(1).Select(l => l.Split(' ')[0]), StringComparer.OrdinalIgnoreCase);
        AuthMechanisms = reply.Lines.Skip(1).Where(l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.Split(' ', '=').Skip(1)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private HashSet<string> AuthMechanisms { get; set; } = [];

    private async Task AuthenticateAsync(CancellationToken ct)
    {
        if (stream is not SslStream && !IsLoopback(options.Host))
        {
            throw new SmtpConnectException("Refusing to send SMTP credentials without TLS; set Smtp:UseStartTls to true.");
        }

        var user = options.Username!;
        var password = options.Password ?? "";
        SmtpReply reply;
        if (AuthMechanisms.Contains("PLAIN"))
        {
            reply = await CommandAsync("AUTH PLAIN " + Base64("\0" + user + "\0" + password), ct);
        }
        else if (AuthMechanisms.Contains("LOGIN"))
        {
            reply = await CommandAsync("AUTH LOGIN", ct);
            if (reply.Code == 334)
            {
                Expect(await CommandAsync(Base64(user), ct), 334, "AUTH LOGIN user name");
                reply = await CommandAsync(Base64(password), ct);
            }
        }
        else
        {
            throw new SmtpConnectException($"SMTP server {options.Host} offers neither AUTH PLAIN nor AUTH LOGIN.");
        }

        if (reply.Code is < 200 or >= 300)
        {
            throw new SmtpConnectException($"SMTP AUTH failed: {reply.Text}");
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static string HeloName()
    {
        var name = new string([.. Dns.GetHostName().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')]);
        return name.Length > 0 ? name : "localhost";
    }

    private static void Expect(SmtpReply reply, int code, string step)
    {
        if (reply.Code != code)
        {
            throw new SmtpConnectException($"SMTP {step} failed: {reply.Text}");
        }
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken ct)
    {
        await WriteLineAsync(command, ct);
        await writer.FlushAsync(ct);
        return await ReadAsync(ct);
    }

    private async Task<SmtpReply> ReadAsync(CancellationToken ct)
    {
        using var timeout = Timeout(options, ct);
        return await reader.ReadAsync(timeout.Token);
    }

    private ValueTask WriteLineAsync(string line, CancellationToken ct) =>
        writer.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), ct);

    private static CancellationTokenSource Timeout(SmtpOptions options, CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        return cts;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsUsable)
        {
            try
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await WriteLineAsync("QUIT", quick.Token);
                await writer.FlushAsync(quick.Token);
                _ = await reader.ReadAsync(quick.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Closing anyway.
            }
        }

        IsUsable = false;
        await stream.DisposeAsync();
        client.Dispose();
    }
}
