using System.Globalization;
using System.Text;

namespace KnowledgePlatform.Web.Content;

/// <summary>What rich text may contain. Everything not listed here is unwrapped or removed.</summary>
internal static partial class RichTextPolicy
{
    public static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "b", "em", "i", "a", "img",
        "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "hr", "code", "pre",
        "sub", "sup",
    };

    /// <summary>Removed with everything inside: code, embedded documents, forms and document metadata.</summary>
    public static readonly HashSet<string> RemovedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "form", "input",
        "button", "textarea", "select", "option", "optgroup", "datalist", "link", "meta", "base", "title",
        "head", "xmp", "plaintext", "noembed", "noframes", "frame", "frameset", "applet", "param", "marquee",
        "audio", "video", "source", "track", "canvas", "colgroup", "col", "portal", "dialog", "slot",
    };

    /// <summary>The page title is the only h1; deeper levels than h4 are not part of the house style.</summary>
    public static string Rename(string name) => name switch
    {
        "h1" => "h2",
        "h5" or "h6" => "h4",
        "tfoot" => "tbody",
        _ => name,
    };

    /// <summary>Returns the value to keep, or null to drop the attribute.</summary>
    public static string? CleanAttribute(string element, string attribute, string value) => (element, attribute) switch
    {
        ("a", "href") => CleanUrl(value, allowMailto: true),
        ("a", "title") or ("img", "alt") => value,
        ("img", "src") => CleanImageSource(value),
        ("img", "width" or "height") or ("th" or "td", "colspan" or "rowspan") => CleanNumber(value),
        ("th", "scope") => value is "row" or "col" or "rowgroup" or "colgroup" ? value : null,
        _ => null,
    };

    /// <summary>
    /// Keeps http(s), mailto (links only) and same-site relative URLs ("/path", "#anchor").
    /// The parser has already decoded character references; browsers also skip tabs and newlines
    /// inside a URL and spaces or controls around it, so the scheme is checked on the value with all
    /// whitespace, control and invisible formatting characters removed ("java\tscript:" is caught).
    /// </summary>
    public static string? CleanUrl(string value, bool allowMailto)
    {
        var compact = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)
                && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                compact.Append(c);
            }
        }

        var url = compact.ToString();
        var safe = url.Length > 0 && (
            url[0] == '#'
            || (url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')))
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (allowMailto && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)));

        // Keep the editor's spelling, minus the invisible characters around and inside it.
        return safe ? new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim() : null;
    }

    /// <summary>
    /// An image is either on another site (http/https, as for links) or in our media library: on this site only
    /// <c>/media/{id}/{file}</c>, optionally with <c>?v={n}</c> (what the editor's media picker inserts, see
    /// Media/MediaUrls). Any other same-site path (a page, a feed, the back-office) or an anchor is not an image.
    /// </summary>
    public static string? CleanImageSource(string value) =>
        CleanUrl(value, allowMailto: false) is { } url
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || MediaPath().IsMatch(url))
            ? url
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[A-Za-z0-9._-]+(\?v=[0-9]{1,9})?$")]
    private static partial System.Text.RegularExpressions.Regex MediaPath();

    private static string? CleanNumber(string value) =>
        value.Length is > 0 and <= 4 && value.All(char.IsAsciiDigit) ? value : null;
}
