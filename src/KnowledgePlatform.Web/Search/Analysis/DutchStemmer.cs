namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// The classic Snowball Dutch stemmer (Martin Porter's original <c>dutch.sbl</c>, kept upstream
/// as <c>dutch_porter</c>): the one PostgreSQL's <c>dutch</c> text search configuration uses, so
/// both search engines reduce a word to the same stem. Input is one lower-case word; the stemmer
/// works in place and only ever shortens it. Checked pair for pair against Snowball's reference
/// vocabulary (tests/…/Search/DutchStemmerReferenceTests).
/// </summary>
/// <remarks>
/// Upper-case <c>I</c> and <c>Y</c> are the algorithm's own markers for a consonantal i/y, so a
/// caller passes lower-case text (the analyzer always does).
/// </remarks>
public static partial class DutchStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer rather than on the stack.</summary>
    private const int StackLimit = 128;

    /// <summary>Stems <paramref name="word"/> and returns it unchanged (the same instance) when nothing applies.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = word.Length <= StackLimit ? stackalloc char[StackLimit] : new char[word.Length];
        var chars = buffer[..word.Length];
        word.AsSpan().CopyTo(chars);
        var length = Stem(chars);
        return chars[..length].SequenceEqual(word) ? word : new string(chars[..length]);
    }

    /// <summary>Stems the word in <paramref name="word"/> in place; returns the stem's length.</summary>
    public static int Stem(Span<char> word)
    {
        var length = word.Length;
        MarkConsonantalIAndY(word);
        var (p1, p2) = MarkRegions(word);
        RemoveSuffixes(word, ref length, p1, p2);
        for (var i = 0; i < length; i++)
        {
            word[i] = word[i] switch { 'I' => 'i', 'Y' => 'y', var c => c };
        }

        return length;
    }

    /// <summary>Vowels of the algorithm: <c>è</c> counts, other accented letters do not.</summary>
    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'è';

    /// <summary>
    /// The prelude: drops the umlaut and acute accent from vowels (so "cliënt" and "client" stem
    /// alike), then marks an initial y, a y after a vowel and an i between vowels as consonants.
    /// </summary>
    private static void MarkConsonantalIAndY(Span<char> w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = w[i] switch
            {
                'ä' or 'á' => 'a',
                'ë' or 'é' => 'e',
                'ï' or 'í' => 'i',
                'ö' or 'ó' => 'o',
                'ü' or 'ú' => 'u',
                var c => c,
            };
        }

        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
        }

        // The classic `repeat goto (v [('i'] v <- 'I') or ('y'] <- 'Y'))`: after marking an i the
        // search resumes behind the vowel that follows it, so that vowel cannot start the next
        // match ("eiie" keeps its second i). Snowball 3's dutch_porter.sbl rescans that vowel;
        // no reference word tells the two apart, so this follows PostgreSQL's (older) copy.
        var cursor = 0;
        for (var p = 0; p < w.Length - 1; p++)
        {
            if (p < cursor || !IsVowel(w[p]))
            {
                continue;
            }

            var next = p + 1;
            if (w[next] == 'i' && next + 1 < w.Length && IsVowel(w[next + 1]))
            {
                w[next] = 'I';
                cursor = next + 2;
            }
            else if (w[next] == 'y')
            {
                w[next] = 'Y';
                cursor = next + 1;
            }
        }
    }

    /// <summary>
    /// R1 starts after the first non-vowel that follows a vowel, but never before the fourth
    /// letter; R2 is the same rule applied again from the end of (unadjusted) R1.
    /// </summary>
    private static (int P1, int P2) MarkRegions(ReadOnlySpan<char> w)
    {
        var p1 = w.Length;
        var p2 = w.Length;
        if (w.Length < 3)
        {
            return (p1, p2);
        }

        var cursor = PastVowelThenNonVowel(w, 0);
        if (cursor < 0)
        {
            return (p1, p2);
        }

        p1 = Math.Max(cursor, 3);
        cursor = PastVowelThenNonVowel(w, cursor);
        if (cursor >= 0)
        {
            p2 = cursor;
        }

        return (p1, p2);
    }

    /// <summary>`gopast v gopast non-v`: the position after that non-vowel, or -1.</summary>
    private static int PastVowelThenNonVowel(ReadOnlySpan<char> w, int from)
    {
        var i = from;
        while (i < w.Length && !IsVowel(w[i]))
        {
            i++;
        }

        i++;
        while (i < w.Length && IsVowel(w[i]))
        {
            i++;
        }

        return i < w.Length ? i + 1 : -1;
    }
}
