using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// One mail to one recipient, as handed to <see cref="MailQueue.Enqueue"/>. <see cref="DedupeKey"/>
/// is unique in the ledger: enqueueing the same key twice sends once.
/// </summary>
public sealed record OutgoingMail(
    string Kind,
    string DedupeKey,
    MailboxAddress To,
    string Subject,
    string? Html,
    string? Text)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Extra headers such as List-Unsubscribe; names and values are checked when created.</summary>
    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    public MailboxAddress? ReplyTo { get; init; }

    /// <summary>
    /// Bulk mail rendered at send time: the text and HTML bodies already encoded, with the pieces
    /// every recipient shares encoded once per send. When set, these are sent and Html/Text are not
    /// (a renderer leaves those null). Never stored: the ledger keeps bulk rows without content.
    /// </summary>
    public Mime.EncodedAlternatives? Encoded { get; init; }
}

/// <summary>A file with the mail. An invitation uses "text/calendar; method=REQUEST" (or CANCEL).</summary>
public sealed partial record MailAttachment
{
    public MailAttachment(string fileName, string contentType, byte[] content)
    {
        var name = MailboxAddress.CleanName(fileName)?.Replace('"', '\'').Replace('\\', '_');
        FileName = string.IsNullOrEmpty(name) ? "bijlage" : name;
        ContentType = ContentTypePattern().IsMatch(contentType)
            ? contentType
            : throw new ArgumentException($"'{contentType}' is not an acceptable content type.", nameof(contentType));
        Content = content;
    }

    public string FileName { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    // type/subtype with simple token parameters only: no quotes, no line breaks, nothing to inject.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(; ?[a-z0-9-]+=[A-Za-z0-9._-]+)*$")]
    private static partial Regex ContentTypePattern();
}

/// <summary>
/// An extra header field. The name is a plain token that is not one the writer sets itself; the
/// value has control characters replaced by spaces, so it can never start a new header line.
/// </summary>
public sealed partial record MailHeader
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version", "Reply-To", "Sender",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Return-Path", "Received",
    };

    public MailHeader(string name, string value)
    {
        Name = HeaderName().IsMatch(name) && !Reserved.Contains(name)
            ? name
            : throw new ArgumentException($"'{name}' cannot be used as an extra header.", nameof(name));
        Value = MailboxAddress.SingleLine(value, 2000) ?? "";
    }

    public string Name { get; }

    public string Value { get; }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,60}$")]
    private static partial Regex HeaderName();
}
