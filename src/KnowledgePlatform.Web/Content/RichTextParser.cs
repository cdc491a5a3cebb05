using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

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
    /// HTML tree building is superlinear for some inputs: scope checks walk the stack of open
    /// elements (a few hundred kilobytes of unclosed tags cost AngleSharp tens of seconds), and
    /// unclosed formatting tags are re-created in every following block. Real editor HTML parses
    /// in milliseconds, so parsing that takes longer than this is abandoned.
    /// </summary>
    public static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(2);

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
        var parser = new HtmlParser(new HtmlParserOptions
        {
            MaximumDepth = MaxTreeDepth,
            // The tokenizer reports every token, so the tree builder never runs long unchecked.
            OnToken = (_, _) =>
            {
                if (Stopwatch.GetElapsedTime(started) > ParseBudget)
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
