namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// The suffix steps of the Snowball Dutch (Porter) stemmer in the order <c>standard_suffix</c>
/// runs them, and steps 1 and 2 (inflection). Each step starts again at the current end of the
/// word; a suffix may only go when it starts inside R1 or R2 (<c>p1</c>, <c>p2</c>).
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
    /// after "gem" ("algemene" must not shrink to "algem"), then undoubles.
    /// </summary>
    private static void RemoveEnEnding(Span<char> w, ref int length, int start, int p1)
    {
        if (start < p1 || start == 0 || IsVowel(w[start - 1]) || w[..start].EndsWith("gem"))
        {
            return;
        }

        length = start;
        Undouble(w, ref length);
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

    /// <summary>-kk, -dd, -tt lose one letter, so "bakken" and "bak" meet.</summary>
    private static void Undouble(Span<char> w, ref int length)
    {
        var end = w[..length];
        if (end.EndsWith("kk") || end.EndsWith("dd") || end.EndsWith("tt"))
        {
            length--;
        }
    }
}
