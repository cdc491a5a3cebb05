using System.Text;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// One message as smtp-sink dumped it: its X-Rcpt-Args (the envelope recipients), then the message.
/// Only the header block is parsed here; full MIME checks go through Python's email package (MimeParser).
/// </summary>
public sealed record SinkMessage(string Path, IReadOnlyList<string> Recipients, IReadOnlyDictionary<string, string> Headers, string Raw)
{
    public string? MessageId => Headers.TryGetValue("Message-ID", out var id) ? id.Trim().Trim('<', '>') : null;

    public static SinkMessage Read(string path)
    {
        var raw = File.ReadAllText(path, Encoding.ASCII);
        var recipients = new List<string>();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in raw.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                break;
            }

            if (text[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + text.Trim();
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            last = text[..colon];
            var value = text[(colon + 1)..].Trim();
            if (last.Equals("X-Rcpt-Args", StringComparison.OrdinalIgnoreCase))
            {
                // "<a@b.nl>", or "<a@b.nl> ORCPT=rfc822;a@b.nl" when Postfix relays it.
                recipients.Add(value.Split(' ')[0].Trim('<', '>'));
            }

            // smtp-sink's own headers come first; keep the message's first occurrence of each name.
            headers.TryAdd(last, value);
        }

        return new SinkMessage(path, recipients, headers, raw);
    }
}
