namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Finds the words of Dutch text as written. A chunk is a run of letters and digits that may
/// hold hyphens between letters or digits ("sociaal-domein", "covid-19": one compound, split
/// into parts later) and a point or comma between digits ("100.000", "2,5": one number).
/// Everything else separates chunks: spaces, punctuation, symbols, emoji, control characters.
/// </summary>
internal static class DutchTokenizer
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>
    /// Finds the next chunk at or after <paramref name="cursor"/> and moves the cursor past it;
    /// false when the text has no more.
    /// </summary>
    public static bool NextChunk(ReadOnlySpan<char> text, ref int cursor, out Range chunk)
    {
        var i = cursor;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            cursor = i;
            chunk = default;
            return false;
        }

        var start = i++;
        while (i < text.Length && ContinuesChunk(text, i))
        {
            i++;
        }

        chunk = start..i;
        cursor = SkipPluralOrPossessiveS(text, i);
        return true;
    }

    /// <summary>The hyphens that join a compound; an en dash (a range, "9–12 uur") does not.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool ContinuesChunk(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c) || c == SoftHyphen || DiacriticFolding.IsMark(c))
        {
            // A soft hyphen is a line-break hint inside one word; marks belong to their letter.
            return true;
        }

        var hasNext = i + 1 < text.Length;
        if (IsHyphen(c))
        {
            // "sociaal- en jeugddomein" leaves the dangling hyphen out of the chunk.
            return hasNext && char.IsLetterOrDigit(text[i + 1]);
        }

        return c is '.' or ',' && hasNext && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]);
    }

    /// <summary>
    /// "auto's", "cliënt's", "Jan’s": the apostrophe-s of a plural or possessive is dropped with
    /// its apostrophe, so the word is indexed as "auto". Any other apostrophe separates ("zo'n").
    /// </summary>
    private static int SkipPluralOrPossessiveS(ReadOnlySpan<char> text, int i)
    {
        var isApostropheS = i + 1 < text.Length
            && IsApostrophe(text[i])
            && text[i + 1] is 's' or 'S'
            && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]));
        return isApostropheS ? i + 2 : i;
    }

    /// <summary>The straight apostrophe and what word processors and keyboards put in its place.</summary>
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`';
}
