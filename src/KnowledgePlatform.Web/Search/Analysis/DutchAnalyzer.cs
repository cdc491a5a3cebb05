using System.Buffers;

namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Dutch text → index terms, the same way for documents and for queries, so both engines
/// compare like with like: tokenize (<see cref="DutchTokenizer"/>), lower-case and fold
/// diacritics, drop stop words (their positions stay taken), stem with <see cref="DutchStemmer"/>.
/// Numbers are kept as written ("100.000", "2.5") and not stemmed. Never throws on any text.
/// </summary>
public static class DutchAnalyzer
{
    /// <summary>
    /// Longer words (after folding) are not indexed: no one types them, and runs like that are
    /// hashes, base64 or keyboard noise. Their position is still counted.
    /// </summary>
    public const int MaxTermLength = 64;

    /// <summary>The terms of <paramref name="text"/> in order; empty for null, blank or wordless text.</summary>
    public static List<AnalyzedToken> Analyze(string? text)
    {
        var tokens = new List<AnalyzedToken>();
        Analyze(text, tokens);
        return tokens;
    }

    /// <summary>Appends the terms of <paramref name="text"/> to <paramref name="tokens"/>, positions from 0.</summary>
    public static void Analyze(ReadOnlySpan<char> text, ICollection<AnalyzedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Span<char> buffer = stackalloc char[MaxTermLength];
        var cursor = 0;
        var position = 0;
        while (DutchTokenizer.NextChunk(text, ref cursor, out var chunk))
        {
            position = CompoundTerms.Add(text[chunk], position, buffer, tokens);
        }
    }

    /// <summary>
    /// The term a single query word searches for, or null when it has none (a stop word,
    /// punctuation). A hyphenated word gives its joined form: "sociaal-domein" → "sociaaldomein",
    /// which documents writing either "sociaal-domein" or "sociaaldomein" carry.
    /// </summary>
    public static string? AnalyzeQueryTerm(string? word)
    {
        var tokens = new List<AnalyzedToken>(4);
        Analyze(word, tokens);
        return tokens.Count > 0 ? tokens[0].Term : null;
    }

    /// <summary>
    /// Lower-case with diacritics removed, nothing else changed (no stemming, punctuation and
    /// spaces kept): "Cliënt-Café" → "client-cafe". For autocomplete and typo tolerance.
    /// Returns the same instance when there is nothing to fold.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text) || DiacriticFolding.IsFolded(text))
        {
            return text ?? "";
        }

        var size = text.Length * DiacriticFolding.MaxExpansion;
        char[]? rented = null;
        var buffer = size <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            return new string(buffer[..DiacriticFolding.Fold(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
