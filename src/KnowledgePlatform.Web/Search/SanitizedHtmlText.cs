using System.Net;
using System.Text;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// The plain text of stored rich text without building a DOM: stored rich text is sanitized
/// (only <see cref="RichTextPolicy.AllowedElements"/>, well-formed, entities encoded), so a scan
/// over tags gives what <see cref="RichText.ToPlainText"/> gives, at a fraction of the cost that
/// dominated a full reindex. Anything else (a comment, an unknown element) returns false and the
/// caller takes the full parser.
/// </summary>
internal static class SanitizedHtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr", "caption", "figure", "figcaption", "hr",
    };

    public static bool TryExtract(string html, out string text)
    {
        text = "";
        var raw = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            AppendText(raw, html.AsSpan(i, (open < 0 ? html.Length : open) - i));
            if (open < 0)
            {
                break;
            }

            var nameStart = open + 1 < html.Length && html[open + 1] == '/' ? open + 2 : open + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var close = TagEnd(html, nameEnd);
            if (name.Length == 0 || close < 0 || !RichTextPolicy.AllowedElements.Contains(name))
            {
                return false;
            }

            raw.Append(name switch { "br" => "\n", "td" or "th" => " ", _ when Blocks.Contains(name) => "\n", _ => "" });
            i = close + 1;
        }

        text = string.Join('\n', raw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Collapse).Where(line => line.Length > 0));
        return true;
    }

    /// <summary>The '&gt;' that ends a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendText(StringBuilder raw, ReadOnlySpan<char> encoded)
    {
        var decoded = encoded.Contains('&') ? WebUtility.HtmlDecode(encoded.ToString()) : encoded.ToString();
        foreach (var c in decoded)
        {
            raw.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
    }

    private static string Collapse(string line)
    {
        var collapsed = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c != ' ' || (collapsed.Length > 0 && collapsed[^1] != ' '))
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString().TrimEnd();
    }
}
