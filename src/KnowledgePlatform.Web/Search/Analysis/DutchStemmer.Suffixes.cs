namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// The suffix steps of the Snowball Dutch (Porter) stemmer, in the order <c>standard_suffix</c>
/// runs them. Each step starts again at the current end of the word; a suffix may only go when
/// it starts inside R1 or R2 (<paramref name="p1"/>, <paramref name="p2"/>).
/// </summary>
public static partial class DutchStemmer
{
    private static void RemoveSuffixes(Span<char> w, ref int length, int p1, int p2)
    {
        RemovePluralOrInflection(w, ref length, p1);
        var eFound = RemoveFinalE(w, ref length, p1);
        RemoveHeid(w, ref length, p1, p2);
        RemoveDerivational(w, ref length, p1, p2, eFound);
        UndoubleVowel(w, ref length);
    }

    /// <summary>Step 1: -heden becomes -heid; -en/-ene and -s/-se go after a fitting consonant.</summary>
    private static void RemovePluralOrInflection(Span<char> w, ref int length, int p1)
    {
        var word = w[..length];
        if (word.EndsWith("heden"))
        {
            if (length - 5 >= p1)
            {
                "heid".CopyTo(w[(length - 5)..]);
                length--;
            }
        }
        else if (word.EndsWith("ene"))
        {
            RemoveEnEnding(w, ref length, length - 3, p1);
        }
        else if (word.EndsWith("en"))
        {
            RemoveEnEnding(w, ref length, length - 2, p1);
        }
        else if (word.EndsWith("se") || word.EndsWith("s"))
        {
            // A valid s-ending follows a non-vowel other than j ("huis" and "reis" keep theirs).
            var start = word.EndsWith("se") ? length - 2 : length - 1;
            if (start >= p1 && start > 0 && !IsVowel(w[start - 1]) && w[start - 1] != 'j')
            {
                length = start;
            }
        }
    }

    /// <summary>
    /// Drops -en that starts at <paramref name="start"/> when in R1, after a non-vowel and not
    /// after "gem" (so "gemeen" keeps its stem apart from "gem"), then undoubles.
    /// </summary>
    private static bool RemoveEnEnding(Span<char> w, ref int length, int start, int p1)
    {
        if (start < p1 || start == 0 || IsVowel(w[start - 1]) || w[..start].EndsWith("gem"))
        {
            return false;
        }

        length = start;
        Undouble(w, ref length);
        return true;
    }

    /// <summary>Step 2: a final -e in R1 after a non-vowel; reports whether it went (step 4 asks).</summary>
    private static bool RemoveFinalE(Span<char> w, ref int length, int p1)
    {
        var start = length - 1;
        if (start < 1 || w[start] != 'e' || start < p1 || IsVowel(w[start - 1]))
        {
            return false;
        }

        length = start;
        Undouble(w, ref length);
        return true;
    }

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

    /// <summary>-kk, -dd, -tt lose one letter, so "bakken" and "bak" meet.</summary>
    private static void Undouble(Span<char> w, ref int length)
    {
        var end = w[..length];
        if (end.EndsWith("kk") || end.EndsWith("dd") || end.EndsWith("tt"))
        {
            length--;
        }
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
