using System.Text;
using AngleSharp.Dom;

namespace KnowledgePlatform.Web.Content;

/// <summary>Extracts readable text, skipping what the sanitizer would remove (scripts, styles, forms).</summary>
internal static class RichTextPlainText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "thead",
        "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "hr", "div", "section", "article",
        "header", "footer", "aside", "nav", "main", "dl", "dt", "dd", "address", "details", "summary",
    };

    public static string Extract(string html)
    {
        var (_, nodes) = RichTextParser.ParseBodyFragment(html);
        var raw = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, raw);
        }

        var lines = raw.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(CollapseSpaces)
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder raw)
    {
        if (node is IText text)
        {
            // Line breaks in the source are not line breaks on the page; only blocks and <br> are.
            foreach (var c in text.Data)
            {
                raw.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }

            return;
        }

        if (node is not IElement element || element.NamespaceUri != NamespaceNames.HtmlUri
            || RichTextPolicy.RemovedElements.Contains(element.LocalName))
        {
            return;
        }

        var name = element.LocalName;
        var separator = name switch
        {
            "br" => "\n",
            "td" or "th" => " ",
            _ when BlockElements.Contains(name) => "\n",
            _ => string.Empty,
        };

        raw.Append(separator);
        foreach (var child in element.ChildNodes)
        {
            Append(child, raw);
        }

        raw.Append(separator);
    }

    private static string CollapseSpaces(string line)
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
