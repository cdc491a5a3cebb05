using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Web.Search.Query;

/// <summary>
/// Web-search syntax → <see cref="ParsedQuery"/>: words are ANDed, "quoted phrases" match
/// adjacent words (an unclosed quote runs to the end), -word or -"phrase" excludes, OR between
/// two parts makes them alternatives. Anything else is text for the Dutch analyzer, so `*`, `(`,
/// `NEAR`, `col:term` and control characters are just words or separators. Never throws.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 500;
    public const int MaxTerms = 32;

    /// <summary>Marks a term to be matched as a prefix; analyzed terms never contain it.</summary>
    public const char PrefixMark = '*';

    /// <param name="prefixLast">
    /// As you type: the last plain word (when no space follows it) matches any term it begins,
    /// folded but not stemmed, since stemming a half-typed word guesses wrong ("organisati").
    /// </param>
    public static ParsedQuery Parse(string? text, bool prefixLast = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedQuery.Empty;
        }

        var truncated = text.Length > MaxLength;
        var input = truncated ? text[..MaxLength] : text;
        var required = new List<List<IReadOnlyList<string>>>();
        var excluded = new List<IReadOnlyList<string>>();
        var terms = 0;
        var joinNext = false;
        var i = 0;
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }

            var exclude = input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]);
            if (exclude)
            {
                i++;
            }

            string part;
            bool quoted = input[i] == '"';
            if (quoted)
            {
                var end = input.IndexOf('"', i + 1);
                part = end < 0 ? input[(i + 1)..] : input[(i + 1)..end];
                i = end < 0 ? input.Length : end + 1;
            }
            else
            {
                var start = i;
                while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"')
                {
                    i++;
                }

                part = input[start..i];
                if (part == "OR" && !exclude)
                {
                    joinNext = required.Count > 0;
                    continue;
                }
            }

            var phrase = quoted ? PhraseTerms(part) : WordTerms(part);
            if (prefixLast && !quoted && i == input.Length && PrefixTerm(part) is { } prefix)
            {
                phrase = [prefix];
            }

            if (phrase.Count == 0 || terms + phrase.Count > MaxTerms)
            {
                truncated |= phrase.Count > 0;
                joinNext = false;
                continue;
            }

            terms += phrase.Count;
            if (exclude)
            {
                excluded.Add(phrase);
            }
            else if (joinNext)
            {
                required[^1].Add(phrase);
            }
            else
            {
                required.Add([phrase]);
            }

            joinNext = false;
        }

        return new ParsedQuery([.. required], excluded, truncated);
    }

    /// <summary>
    /// An unquoted word: a hyphenated compound searches its joined form ("sociaal-domein" →
    /// sociaaldomein, which the index holds for both spellings); a word with other punctuation
    /// ("col:term", "zo'n") becomes a phrase of its parts.
    /// </summary>
    private static List<string> WordTerms(string word)
    {
        var tokens = DutchAnalyzer.Analyze(word);
        return tokens.Count > 1 && tokens[1].Position == tokens[0].Position ? [tokens[0].Term] : PartsInOrder(tokens);
    }

    private static string? PrefixTerm(string word)
    {
        var folded = DutchAnalyzer.Fold(word);
        return folded.Length is >= 2 and <= DutchAnalyzer.MaxTermLength && folded.All(char.IsLetterOrDigit) ? folded + PrefixMark : null;
    }

    /// <summary>A quoted phrase: its words in order, compounds as their parts (as the index lays them out).</summary>
    private static List<string> PhraseTerms(string phrase) => PartsInOrder(DutchAnalyzer.Analyze(phrase));

    /// <summary>Drops the joined form of each compound, keeping its parts; see <see cref="SearchIndexText"/>.</summary>
    internal static List<string> PartsInOrder(List<AnalyzedToken> tokens)
    {
        var parts = new List<string>(tokens.Count);
        for (var t = 0; t < tokens.Count; t++)
        {
            if (t + 1 < tokens.Count && tokens[t + 1].Position == tokens[t].Position)
            {
                continue;
            }

            parts.Add(tokens[t].Term);
        }

        return parts;
    }
}
