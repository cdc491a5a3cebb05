using System.Net;
using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// A short excerpt of stored plain text around the first matched word, HTML-encoded, with every
/// matched word in &lt;mark&gt;. Built in C# from the same analysis as the index, so a highlight
/// means exactly what matched ("bijeenkomsten" marks "bijeenkomst"), on both engines alike.
/// </summary>
public static class SearchSnippets
{
    private const int Before = 80;
    private const int Length = 240;

    /// <summary>Only this much of a long body is scanned: the snippet is an excerpt, not a search.</summary>
    private const int ScanLimit = 50_000;

    public static string Build(IReadOnlySet<string> terms, params string?[] texts)
    {
        string? fallback = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            fallback ??= text;
            var scanned = text.Length > ScanLimit ? text[..ScanLimit] : text;
            var matches = Matches(scanned, terms);
            if (matches.Count > 0)
            {
                var start = WordStart(scanned, Math.Max(0, matches[0].Start.Value - Before));
                return Render(scanned, start, Math.Min(scanned.Length, start + Length), matches);
            }
        }

        return fallback is null ? "" : Render(fallback, 0, Math.Min(fallback.Length, Length), []);
    }

    private static List<Range> Matches(string text, IReadOnlySet<string> terms)
    {
        var found = new List<Range>();
        if (terms.Count == 0)
        {
            return found;
        }

        var tokens = new List<AnalyzedToken>(4);
        var cursor = 0;
        while (DutchTokenizer.NextChunk(text, ref cursor, out var chunk))
        {
            tokens.Clear();
            DutchAnalyzer.Analyze(text.AsSpan()[chunk], tokens);
            if (tokens.Exists(t => terms.Contains(t.Term)))
            {
                found.Add(chunk);
            }
        }

        return found;
    }

    private static string Render(string text, int start, int end, List<Range> matches)
    {
        end = WordEnd(text, end);
        var html = new StringBuilder(end - start + 64);
        if (start > 0)
        {
            html.Append("… ");
        }

        var at = start;
        foreach (var match in matches)
        {
            var (s, e) = (match.Start.Value, match.End.Value);
            if (s < at || e > end)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            at = e;
        }

        html.Append(WebUtility.HtmlEncode(text[at..end]).Replace('\n', ' '));
        if (end < text.Length)
        {
            html.Append(" …");
        }

        return html.ToString().Replace('\n', ' ');
    }

    private static int WordStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        var limit = Math.Min(text.Length, index + 30);
        while (index < limit && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
