using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Parses editor HTML the way a browser parses it inside a page's body, within limits that keep
/// a hostile save from tying up the server.
/// </summary>
internal static class RichTextParser
{
    /// <summary>Far above any real article; beyond it a save is refused rather than parsed.</summary>
    public const int MaxInputLength = 1_000_000;

    /// <summary>
    /// HTML tree building is superlinear in the number of open elements: scope checks walk the
    /// stack (a few hundred kilobytes of unclosed tags cost AngleSharp tens of seconds). Real editor
    /// HTML closes its tags, so more unclosed start tags than this are refused — a deterministic
    /// limit, unlike a clock, so the same input gets the same answer on a busy server.
    /// </summary>
    public const int MaxUnclosedTags = 1_000;

    /// <summary>A last safety net for shapes the counts above miss; never reached by real content.</summary>
    private static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>Bounds the depth of the parsed tree so recursive walks cannot overflow the stack.</summary>
    private const int MaxTreeDepth = 256;

    /// <summary>Returns the parsed nodes and a document to build new nodes in.</summary>
    public static (IDocument Document, INodeList Nodes) ParseBodyFragment(string html)
    {
        if (html.Length > MaxInputLength)
        {
            throw new ArgumentException($"Rich text is longer than {MaxInputLength} characters.", nameof(html));
        }

        var started = Stopwatch.GetTimestamp();
        var unclosed = 0;
        var parser = new HtmlParser(new HtmlParserOptions
        {
            MaximumDepth = MaxTreeDepth,
            // The tokenizer reports every token, so the tree builder never runs long unchecked.
            OnToken = (token, _) =>
            {
                if (token is HtmlTagToken tag && !tag.IsSelfClosing && !VoidElements.Contains(tag.Name))
                {
                    unclosed += tag.Type == HtmlTokenType.StartTag ? 1 : tag.Type == HtmlTokenType.EndTag ? -1 : 0;
                }

                if (unclosed > MaxUnclosedTags || Stopwatch.GetElapsedTime(started) > ParseBudget)
                {
                    throw new ArgumentException("Rich text is too complex to parse (deep or unclosed nesting).", nameof(html));
                }
            },
        });

        // A standards-mode document, as on the site: in quirks mode <p><table> would nest differently.
        var context = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        return (context, parser.ParseFragment(html, context.Body!));
    }
}
