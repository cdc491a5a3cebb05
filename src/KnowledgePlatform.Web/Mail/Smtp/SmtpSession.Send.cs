using System.Net.Sockets;
using System.Text;

namespace KnowledgePlatform.Web.Mail.Smtp;

public sealed partial class SmtpSession
{
    private static readonly byte[] EndOfData = ".\r\n"u8.ToArray();

    /// <summary>
    /// Sends each envelope in turn on this connection and returns one result per envelope, in order.
    /// A per-message refusal (4xx/5xx) is reset with RSET and the rest continue; a broken connection
    /// ends the batch: the message whose end was written without a reply is Unknown, the rest NotTransmitted.
    /// </summary>
    public async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<SmtpEnvelope> batch, CancellationToken ct)
    {
        var results = new SendResult?[batch.Count];
        var inDoubt = -1;
        try
        {
            if (!IsUsable)
            {
                throw new IOException("The SMTP session is no longer usable.");
            }

            var envelopeWritten = false;
            for (var i = 0; i < batch.Count; i++)
            {
                var (failure, dataOpen) = Pipelining
                    ? await PipelinedEnvelopeAsync(batch[i], envelopeWritten, ct)
                    : await SequentialEnvelopeAsync(batch[i], ct);
                envelopeWritten = false;
                if (failure is null)
                {
                    await writer.WriteAsync(Stuffed(batch[i].Message), ct);
                    inDoubt = i;
                    await writer.WriteAsync(EndOfData, ct);
                    if (Pipelining && i + 1 < batch.Count)
                    {
                        await WriteEnvelopeAsync(batch[i + 1], ct);
                        envelopeWritten = true;
                    }

                    await writer.FlushAsync(ct);
                    var end = await ReadAsync(ct);
                    inDoubt = -1;
                    results[i] = Classify(end);
                    continue;
                }

                if (dataOpen)
                {
                    // The server opened DATA although the envelope failed: close it empty; it has no recipient.
                    await writer.WriteAsync(EndOfData, ct);
                    await writer.FlushAsync(ct);
                    _ = await ReadAsync(ct);
                }

                results[i] = Classify(failure);
                var reset = await CommandAsync("RSET", ct);
                if (!reset.IsPositive)
                {
                    throw new IOException("RSET refused: " + reset.Text);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            IsUsable = false;
            if (inDoubt >= 0)
            {
                results[inDoubt] = new SendResult(SendOutcome.Unknown, ex.Message);
            }
        }

        return [.. results.Select(r => r ?? new SendResult(SendOutcome.NotTransmitted, null))];
    }

    private async Task<(SmtpReply? Failure, bool DataOpen)> PipelinedEnvelopeAsync(SmtpEnvelope envelope, bool written, CancellationToken ct)
    {
        if (!written)
        {
            await WriteEnvelopeAsync(envelope, ct);
            await writer.FlushAsync(ct);
        }

        var mail = await ReadAsync(ct);
        var rcpt = await ReadAsync(ct);
        var data = await ReadAsync(ct);
        var failure = !mail.IsPositive ? mail : !rcpt.IsPositive ? rcpt : data.Code != 354 ? data : null;
        return (failure, data.Code == 354);
    }

    private async Task<(SmtpReply? Failure, bool DataOpen)> SequentialEnvelopeAsync(SmtpEnvelope envelope, CancellationToken ct)
    {
        var mail = await CommandAsync($"MAIL FROM:<{envelope.From}>", ct);
        if (!mail.IsPositive)
        {
            return (mail, false);
        }

        var rcpt = await CommandAsync($"RCPT TO:<{envelope.To}>", ct);
        if (!rcpt.IsPositive)
        {
            return (rcpt, false);
        }

        var data = await CommandAsync("DATA", ct);
        return data.Code == 354 ? (null, true) : (data, false);
    }

    private ValueTask WriteEnvelopeAsync(SmtpEnvelope envelope, CancellationToken ct) =>
        writer.WriteAsync(Encoding.ASCII.GetBytes($"MAIL FROM:<{envelope.From}>\r\nRCPT TO:<{envelope.To}>\r\nDATA\r\n"), ct);

    private static SendResult Classify(SmtpReply reply) => new(
        reply.IsPositive ? SendOutcome.Accepted : reply.IsTransient ? SendOutcome.Transient : SendOutcome.Permanent,
        reply.Text.Length > 500 ? reply.Text[..500] : reply.Text);

    /// <summary>The message as sent: a line starting with a dot gets a second one (RFC 5321 4.5.2); ends in CRLF.</summary>
    internal static byte[] Stuffed(byte[] message)
    {
        var span = message.AsSpan();
        var needsStuffing = span.Length > 0 && span[0] == '.' || span.IndexOf("\n."u8) >= 0;
        var endsWithCrLf = span.EndsWith("\r\n"u8);
        if (!needsStuffing && endsWithCrLf)
        {
            return message;
        }

        using var output = new MemoryStream(message.Length + 64);
        var atLineStart = true;
        foreach (var b in message)
        {
            if (atLineStart && b == '.')
            {
                output.WriteByte((byte)'.');
            }

            output.WriteByte(b);
            atLineStart = b == '\n';
        }

        if (!endsWithCrLf)
        {
            output.Write("\r\n"u8);
        }

        return output.ToArray();
    }
}
