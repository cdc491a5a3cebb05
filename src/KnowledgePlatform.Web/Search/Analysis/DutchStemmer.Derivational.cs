namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Steps 3 and 4 of the Snowball Dutch (Porter) stemmer: derivational suffixes, which only go
/// when they start inside R2, and the undoubling of a long vowel before a final consonant.
/// </summary>
public static partial class DutchStemmer
{
    /// <summary>Step 3a: -heid in R2 unless after c, and then an -en before it as in step 1.</summary>
    private static void RemoveHeid(Span<char> w, ref int length, int p1, int p2)
    {
        var start = length - 4;
        if (!w[..length].EndsWith("heid") || start < p2 || (start > 0 && w[start - 1] == 'c'))
        {
            return;
        }

        length = start;
        if (w[..length].EndsWith("en"))
        {
            RemoveEnEnding(w, ref length, length - 2, p1);
        }
    }

    /// <summary>Step 3b: derivational suffixes, all only in R2.</summary>
    private static void RemoveDerivational(Span<char> w, ref int length, int p1, int p2, bool eFound)
    {
        var word = w[..length];
        if (word.EndsWith("end") || word.EndsWith("ing"))
        {
            if (length - 3 < p2)
            {
                return;
            }

            length -= 3;
            if (!RemoveIg(w, ref length, p2))
            {
                Undouble(w, ref length);
            }
        }
        else if (word.EndsWith("ig"))
        {
            RemoveIg(w, ref length, p2);
        }
        else if (word.EndsWith("lijk"))
        {
            if (length - 4 >= p2)
            {
                length -= 4;
                RemoveFinalE(w, ref length, p1);
            }
        }
        else if (word.EndsWith("baar"))
        {
            if (length - 4 >= p2)
            {
                length -= 4;
            }
        }
        else if (word.EndsWith("bar") && length - 3 >= p2 && eFound)
        {
            // -bar only counts when step 2 took an -e: "-bare" is "-baar" + e, spelled short.
            length -= 3;
        }
    }

    /// <summary>-ig in R2, not after e ("-eig" belongs to the stem, as in "eigen").</summary>
    private static bool RemoveIg(Span<char> w, ref int length, int p2)
    {
        var start = length - 2;
        if (!w[..length].EndsWith("ig") || start < p2 || (start > 0 && w[start - 1] == 'e'))
        {
            return false;
        }

        length = start;
        return true;
    }

    /// <summary>
    /// Step 4: consonant + double vowel + consonant (not the marker I) loses one vowel, so "maan"
    /// and "manen" both end as "man".
    /// </summary>
    private static void UndoubleVowel(Span<char> w, ref int length)
    {
        if (length < 4)
        {
            return;
        }

        var last = w[length - 1];
        var a = w[length - 3];
        if (IsVowel(last) || last == 'I' || a != w[length - 2] || a is not ('a' or 'e' or 'o' or 'u')
            || IsVowel(w[length - 4]))
        {
            return;
        }

        w[length - 2] = last;
        length--;
    }
}
