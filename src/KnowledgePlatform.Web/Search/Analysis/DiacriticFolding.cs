using System.Globalization;
using System.Text;

namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Lower-cases (invariant) and strips diacritics, one character at a time, so "Cliënt",
/// "cliënt" and "client" become the same letters. Latin letters are looked up in tables built
/// once from Unicode's own decompositions; combining marks (text typed in decomposed form) and
/// soft hyphens vanish. Other scripts are only lower-cased.
/// </summary>
internal static class DiacriticFolding
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>Letters Unicode does not decompose, but a Dutch reader would type without the mark.</summary>
    private static readonly Dictionary<char, string> Unbreakable = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d",
        ['ł'] = "l", ['þ'] = "th", ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t",
    };

    // Declared after Unbreakable: static fields initialise in order, and the tables read it.
    private static readonly string[] Latin = BuildTable('\u00C0', '\u024F');
    private static readonly string[] LatinAdditional = BuildTable('\u1E00', '\u1EFF');

    /// <summary>The most characters one character folds to ("ß" → "ss"), for sizing buffers.</summary>
    public static readonly int MaxExpansion = Latin.Concat(LatinAdditional).Max(folded => folded.Length);

    /// <summary>
    /// Folds <paramref name="source"/> into <paramref name="destination"/>; returns the length
    /// written, or -1 when it does not fit (the caller treats the word as too long).
    /// </summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var length = 0;
        foreach (var c in source)
        {
            var written = Fold(c, destination[length..]);
            if (written < 0)
            {
                return -1;
            }

            length += written;
        }

        return length;
    }

    /// <summary>True when folding would change nothing, so callers can skip the copy.</summary>
    public static bool IsFolded(ReadOnlySpan<char> text)
    {
        Span<char> one = stackalloc char[2];
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' || (c >= 0x80 && (Fold(c, one) != 1 || one[0] != c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the folded form of one character (0, 1 or 2 chars); -1 when it does not fit.</summary>
    private static int Fold(char c, Span<char> destination)
    {
        if (c is >= '\u00C0' and <= '\u024F')
        {
            return Copy(Latin[c - '\u00C0'], destination);
        }

        if (c is >= '\u1E00' and <= '\u1EFF')
        {
            return Copy(LatinAdditional[c - '\u1E00'], destination);
        }

        if (c == SoftHyphen || (c >= '\u0300' && IsMark(c)))
        {
            return 0;
        }

        if (destination.IsEmpty)
        {
            return -1;
        }

        destination[0] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);
        return 1;
    }

    private static int Copy(string folded, Span<char> destination) =>
        folded.TryCopyTo(destination) ? folded.Length : -1;

    internal static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string[] BuildTable(char first, char last)
    {
        var table = new string[last - first + 1];
        for (var c = first; c <= last; c++)
        {
            table[c - first] = FoldSlowly(c);
        }

        return table;
    }

    /// <summary>Compatibility decomposition keeps the base letters ("é" → "e", "ĳ" → "ij", "ŀ" → "l").</summary>
    private static string FoldSlowly(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (Unbreakable.TryGetValue(lower, out var replacement))
        {
            return replacement;
        }

        var builder = new StringBuilder(2);
        foreach (var part in lower.ToString().Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(part))
            {
                builder.Append(char.ToLowerInvariant(part));
            }
        }

        return builder.Length > 0 ? builder.ToString() : lower.ToString();
    }
}
