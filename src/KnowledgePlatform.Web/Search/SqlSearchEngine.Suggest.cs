using System.Data.Common;
using KnowledgePlatform.Web.Search.Analysis;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    private const int MaxCandidates = 5000;

    /// <summary>
    /// Indexed terms (term, number of documents) from @lo (inclusive) to @hi (exclusive) with a
    /// length from @min to @max: the neighbourhood a misspelled word is corrected from.
    /// </summary>
    protected abstract string CandidateTermsSql { get; }

    /// <summary>
    /// "Bedoelde u …?" for a query that found nothing: each plain word whose term is not in the
    /// index is replaced by the closest indexed term with the same first letter (at most one edit
    /// for short words, two for longer ones), and the suggestion is offered only if it finds something.
    /// </summary>
    private async Task<string?> DidYouMeanAsync(DbConnection connection, string text, string where, List<(string, object?)> filterParameters, CancellationToken ct)
    {
        if (text.Contains('"', StringComparison.Ordinal) || text.Length > SearchQueryParser.MaxLength)
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var w = 0; w < words.Length && w < SearchQueryParser.MaxTerms; w++)
        {
            if (words[w].StartsWith('-') || words[w] == "OR" || DutchAnalyzer.AnalyzeQueryTerm(words[w]) is not { Length: >= 3 } term)
            {
                continue;
            }

            if (await ClosestTermAsync(connection, term, ct) is { } closest && closest != term)
            {
                words[w] = closest;
                changed = true;
            }
        }

        if (!changed)
        {
            return null;
        }

        var suggestion = string.Join(' ', words);
        var matches = Matching(suggestion, SearchQueryParser.Parse(suggestion));
        return await CountAsync(connection, matches, where, WithMatch(filterParameters, matches.Match), ct) > 0 ? suggestion : null;
    }

    /// <summary>The term itself when indexed, else the nearest candidate (fewest edits, then most documents), else null.</summary>
    private async Task<string?> ClosestTermAsync(DbConnection connection, string term, CancellationToken ct)
    {
        var maxEdits = term.Length <= 4 ? 1 : 2;
        await using var command = Command(connection, null, $"{CandidateTermsSql} LIMIT {MaxCandidates}",
            ("@lo", term[..1]), ("@hi", ((char)(term[0] + 1)).ToString()), ("@min", term.Length - maxEdits), ("@max", term.Length + maxEdits));
        await using var reader = await command.ExecuteReaderAsync(ct);
        (string? Term, int Edits, long Docs) best = (null, int.MaxValue, 0);
        while (await reader.ReadAsync(ct))
        {
            var candidate = reader.GetString(0);
            var docs = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            var edits = EditDistance(term, candidate, maxEdits);
            if (edits < best.Edits || (edits == best.Edits && (docs > best.Docs || (docs == best.Docs && string.CompareOrdinal(candidate, best.Term) < 0))))
            {
                best = (candidate, edits, docs);
            }
        }

        return best.Edits <= maxEdits ? best.Term : null;
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from a to b; anything over <paramref name="limit"/> counts as limit + 1.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return Math.Min(d[a.Length, b.Length], limit + 1);
    }
}
