namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Turns one chunk from the tokenizer into terms. A hyphenated compound gives its joined form
/// first, at the position of its first part, then each part at its own position:
/// "sociaal-domein" → sociaaldomein@p, sociaal@p, domein@p+1. So the queries "sociaal domein",
/// "sociaal-domein" and "sociaaldomein" all find it, and an engine that ignores positions and
/// simply lists terms in order still keeps the parts next to each other and to what follows.
/// </summary>
internal static class CompoundTerms
{
    private const string Hyphens = "-\u2010\u2011";

    /// <summary>Adds the chunk's terms; returns the position after its last part.</summary>
    public static int Add(ReadOnlySpan<char> chunk, int position, Span<char> buffer, ICollection<AnalyzedToken> tokens)
    {
        if (IsCompoundOfWords(chunk) && FoldJoined(chunk, buffer) is > 0 and var joinedLength
            && Term(buffer[..joinedLength]) is { } joined)
        {
            tokens.Add(new AnalyzedToken(joined, position));
        }

        foreach (var part in chunk.SplitAny(Hyphens))
        {
            if (DiacriticFolding.Fold(chunk[part], buffer) is > 0 and var length && Term(buffer[..length]) is { } term)
            {
                tokens.Add(new AnalyzedToken(term, position));
            }

            position++;
        }

        return position;
    }

    /// <summary>
    /// The index term for one folded word: numbers as written, stop words none, other words
    /// their stem. Folding comes first so "cliënten" and "clienten" (and "crème"/"creme", which
    /// the stemmer alone would not fold) share a stem.
    /// </summary>
    private static string? Term(Span<char> folded)
    {
        if (IsNumber(folded))
        {
            return new string(folded);
        }

        if (DutchStopWords.Contains(folded))
        {
            return null;
        }

        return new string(folded[..DutchStemmer.Stem(folded)]);
    }

    /// <summary>"2023-2024" is a range of numbers, not a compound; "covid-19" is one.</summary>
    private static bool IsCompoundOfWords(ReadOnlySpan<char> chunk)
    {
        if (chunk.IndexOfAny(Hyphens) < 0)
        {
            return false;
        }

        foreach (var part in chunk.SplitAny(Hyphens))
        {
            if (!IsNumber(chunk[part]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parts folded one after the other without hyphens; -1 when too long.</summary>
    private static int FoldJoined(ReadOnlySpan<char> chunk, Span<char> buffer)
    {
        var length = 0;
        foreach (var part in chunk.SplitAny(Hyphens))
        {
            var written = DiacriticFolding.Fold(chunk[part], buffer[length..]);
            if (written < 0)
            {
                return -1;
            }

            length += written;
        }

        return length;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c) && c is not ('.' or ','))
            {
                return false;
            }
        }

        return true;
    }
}
