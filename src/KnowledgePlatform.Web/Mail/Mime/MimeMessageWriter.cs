using System.Globalization;
using System.Text;

namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>Everything needed to write one message; <see cref="MessageId"/> is the ledger's, without brackets.</summary>
public sealed record MimeMessage(
    MailboxAddress From,
    OutgoingMail Mail,
    string MessageId,
    DateTimeOffset Date);

/// <summary>
/// Writes a complete RFC 5322 message as 7-bit ASCII: multipart/alternative (text + HTML), wrapped in
/// multipart/mixed when there are attachments; bodies quoted-printable, attachments base64.
/// </summary>
public static class MimeMessageWriter
{
    public static byte[] Write(MimeMessage message)
    {
        var mail = message.Mail;
        var output = new MimeOutput(mail.Encoded is { } encoded
            ? encoded.Text.Length + encoded.Html.Length + 2048
            : ((mail.Html?.Length ?? 0) + (mail.Text?.Length ?? 0)) * 11 / 10 + 2048);
        MimeHeaderWriter.Address(output, "From", message.From);
        MimeHeaderWriter.Address(output, "To", mail.To);
        if (mail.ReplyTo is { } replyTo)
        {
            MimeHeaderWriter.Address(output, "Reply-To", replyTo);
        }

        MimeHeaderWriter.Unstructured(output, "Subject", mail.Subject);
        MimeHeaderWriter.Raw(output, "Date", message.Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        MimeHeaderWriter.Raw(output, "Message-ID", "<" + message.MessageId + ">");
        foreach (var header in mail.Headers)
        {
            MimeHeaderWriter.Unstructured(output, header.Name, header.Value);
        }

        MimeHeaderWriter.Raw(output, "MIME-Version", "1.0");
        var boundary = "=_kp_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(message.MessageId)))[..24];
        if (mail.Attachments.Count == 0)
        {
            Body(output, mail, boundary + "_a");
        }
        else
        {
            MimeHeaderWriter.Raw(output, "Content-Type", $"multipart/mixed; boundary=\"{boundary}_m\"");
            output.Append("\r\n--").Append(boundary).Append("_m\r\n");
            Body(output, mail, boundary + "_a");
            foreach (var attachment in mail.Attachments)
            {
                output.Append("\r\n--").Append(boundary).Append("_m\r\n");
                Attachment(output, attachment);
            }

            output.Append("\r\n--").Append(boundary).Append("_m--");
        }

        output.Append("\r\n");
        return output.ToArray();
    }

    private static void Body(MimeOutput output, OutgoingMail mail, string boundary)
    {
        if (mail.Encoded is { } encoded)
        {
            MimeHeaderWriter.Raw(output, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
            output.Append("\r\n--").Append(boundary).Append("\r\n");
            PartHeaders(output, "text/plain");
            encoded.Text.WriteTo(output);
            output.Append("\r\n--").Append(boundary).Append("\r\n");
            PartHeaders(output, "text/html");
            encoded.Html.WriteTo(output);
            output.Append("\r\n--").Append(boundary).Append("--");
            return;
        }

        if (mail.Html is null || mail.Text is null)
        {
            TextPart(output, mail.Html is null ? "text/plain" : "text/html", mail.Html ?? mail.Text ?? "");
            return;
        }

        // Each delimiter starts with the CRLF that ends the part before it (RFC 2046 5.1.1).
        MimeHeaderWriter.Raw(output, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        output.Append("\r\n--").Append(boundary).Append("\r\n");
        TextPart(output, "text/plain", mail.Text);
        output.Append("\r\n--").Append(boundary).Append("\r\n");
        TextPart(output, "text/html", mail.Html);
        output.Append("\r\n--").Append(boundary).Append("--");
    }

    private static void TextPart(MimeOutput output, string type, string content)
    {
        PartHeaders(output, type);
        MimeEncoding.QuotedPrintable(output, content);
    }

    private static void PartHeaders(MimeOutput output, string type)
    {
        MimeHeaderWriter.Raw(output, "Content-Type", type + "; charset=utf-8");
        MimeHeaderWriter.Raw(output, "Content-Transfer-Encoding", "quoted-printable");
        output.Append("\r\n");
    }

    private static void Attachment(MimeOutput output, MailAttachment attachment)
    {
        var type = attachment.ContentType.StartsWith("text/", StringComparison.Ordinal)
            ? attachment.ContentType + "; charset=utf-8"
            : attachment.ContentType;
        var fileName = MimeEncoding.IsPlainAscii(attachment.FileName)
            ? $"filename=\"{attachment.FileName}\""
            : "filename*=utf-8''" + Uri.EscapeDataString(attachment.FileName);
        MimeHeaderWriter.Raw(output, "Content-Type", type);
        MimeHeaderWriter.Raw(output, "Content-Disposition", "attachment; " + fileName);
        MimeHeaderWriter.Raw(output, "Content-Transfer-Encoding", "base64");
        output.Append("\r\n");
        MimeEncoding.Base64(output, attachment.Content);
    }
}
