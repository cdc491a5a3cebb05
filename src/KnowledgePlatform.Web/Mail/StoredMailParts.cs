using System.Text.Json;

namespace KnowledgePlatform.Web.Mail;

/// <summary>The parts of an <see cref="OutgoingMail"/> kept as one JSON column of its ledger row.</summary>
internal sealed record StoredMailParts(
    IReadOnlyList<StoredHeader> Headers,
    IReadOnlyList<StoredAttachment> Attachments,
    string? ReplyToAddress,
    string? ReplyToName)
{
    public static string? From(OutgoingMail mail) =>
        mail.Headers.Count == 0 && mail.Attachments.Count == 0 && mail.ReplyTo is null
            ? null
            : JsonSerializer.Serialize(new StoredMailParts(
                [.. mail.Headers.Select(h => new StoredHeader(h.Name, h.Value))],
                [.. mail.Attachments.Select(a => new StoredAttachment(a.FileName, a.ContentType, a.Content))],
                mail.ReplyTo?.Address,
                mail.ReplyTo?.DisplayName));

    /// <summary>Rebuilds the mail of a row written by <see cref="MailQueue"/>; the checks run again on the way out.</summary>
    public static OutgoingMail ToMail(ClaimedMail row)
    {
        var mail = new OutgoingMail(row.Kind, row.DedupeKey, MailboxAddress.Create(row.ToAddress, row.ToName),
            row.Subject ?? "", row.Html, row.Text);
        if (row.Parts is null)
        {
            return mail;
        }

        var parts = JsonSerializer.Deserialize<StoredMailParts>(row.Parts)!;
        return mail with
        {
            Headers = [.. parts.Headers.Select(h => new MailHeader(h.Name, h.Value))],
            Attachments = [.. parts.Attachments.Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content))],
            ReplyTo = parts.ReplyToAddress is null ? null : MailboxAddress.Create(parts.ReplyToAddress, parts.ReplyToName),
        };
    }
}

internal sealed record StoredHeader(string Name, string Value);

internal sealed record StoredAttachment(string FileName, string ContentType, byte[] Content);
