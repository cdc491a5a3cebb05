namespace KnowledgePlatform.Web.Content;

/// <summary>
/// The one gate for editor-written HTML (event bodies, programme descriptions, report and article
/// bodies, dossier and newsletter intros): everything is sanitized before it is stored.
/// See RichText.README-section.md for what is allowed and why.
/// </summary>
public static class RichText
{
    /// <summary>
    /// Real input settles after one or two passes; the limit only guards against a parser quirk
    /// that never settles (the result of every pass is sanitized either way).
    /// </summary>
    private const int MaxPasses = 4;

    /// <summary>
    /// Returns the input reduced to the allow-list, serialized by AngleSharp as well-formed HTML.
    /// Idempotent: sanitizing the result again returns it unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The input is too long, too complex to parse within the budget, or has too many elements.
    /// </exception>
    public static string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        // Sanitizing changes the tree (an unwrapped <div> can leave an <h3> directly inside an
        // <h2>), and a browser re-parsing such markup may restructure it. Re-parse until the
        // output is a fixed point, so what is stored is exactly what a browser will build.
        var current = RichTextCleaner.CleanOnce(html);
        for (var pass = 1; pass < MaxPasses; pass++)
        {
            var next = RichTextCleaner.CleanOnce(current);
            if (string.Equals(next, current, StringComparison.Ordinal))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// The readable text of rich text, for search and meta descriptions: one line per block,
    /// whitespace collapsed, character references decoded. Not HTML: encode it when rendering.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Sanitize"/>.</exception>
    public static string ToPlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : RichTextPlainText.Extract(html);
}
