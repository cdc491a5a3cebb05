namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>
/// Writes header fields folded at 78 characters. Values arrive already single-line (see
/// <see cref="MailboxAddress"/> and <see cref="MailHeader"/>); non-ASCII becomes encoded-words.
/// </summary>
internal static class MimeHeaderWriter
{
    public static void Unstructured(MimeOutput output, string name, string value)
    {
        var clean = MailboxAddress.SingleLine(value, 2000) ?? "";
        var words = MimeEncoding.IsPlainAscii(clean)
            ? clean.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [.. MimeEncoding.EncodedWords(clean)];
        Folded(output, name, words);
    }

    public static void Address(MimeOutput output, string name, MailboxAddress mailbox)
    {
        var words = new List<string>();
        if (mailbox.DisplayName is { } display)
        {
            if (!MimeEncoding.IsPlainAscii(display))
            {
                words.AddRange(MimeEncoding.EncodedWords(display));
            }
            else if (display.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~'))
            {
                words.AddRange(display.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                words.Add("\"" + display.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            }
        }

        words.Add("<" + mailbox.Address + ">");
        Folded(output, name, words);
    }

    /// <summary>A header whose value is built by us from safe parts (Date, Message-ID, Content-Type).</summary>
    public static void Raw(MimeOutput output, string name, string value) =>
        output.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Folded(MimeOutput output, string name, IReadOnlyList<string> words)
    {
        output.Append(name).Append(':');
        var lineLength = name.Length + 1;
        foreach (var word in words)
        {
            if (lineLength + 1 + word.Length > 78 && lineLength > name.Length + 1)
            {
                output.Append("\r\n");
                lineLength = 0;
            }

            output.Append(' ').Append(word);
            lineLength += 1 + word.Length;
        }

        output.Append("\r\n");
    }
}
