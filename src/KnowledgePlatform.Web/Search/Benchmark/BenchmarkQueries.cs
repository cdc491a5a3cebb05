using System.Data.Common;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search.Benchmark;

/// <summary>One benchmark query: what a reader types, the facet filters, and the engine's raw expression for the same words.</summary>
public sealed record BenchmarkQuery(string Label, string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters);

/// <summary>
/// Picks the queries from the index itself, the same way on both engines (the corpus is
/// deterministic, so both pick the same words): a rare, a mid-frequency and a very common term
/// (by document count), a phrase from a title, an exclusion, and the common term with three facet filters.
/// </summary>
internal static class BenchmarkQueries
{
    public static async Task<List<BenchmarkQuery>> PickAsync(KnowledgeDbContext db, ISearchEngine engine, bool postgres, string wordList, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var documents = await CountAsync(connection, "SELECT COUNT(*) FROM search_documents", ct);
        var frequencies = await TermsAsync(connection, postgres
            ? "SELECT word, ndoc FROM ts_stat('SELECT vector FROM search_documents') WHERE length(word) >= 4 AND word !~ '[0-9]'"
            : "SELECT term, doc FROM search_vocab WHERE length(term) >= 4 AND term NOT GLOB '*[0-9]*'", ct);

        // A word from the generator's own list for each stem, so the query analyzes to that stem.
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in await File.ReadAllLinesAsync(wordList, ct))
        {
            if (DutchAnalyzer.AnalyzeQueryTerm(word) is { } term)
            {
                words.TryAdd(term, word);
            }
        }

        string Near(double share) => frequencies.Where(f => words.ContainsKey(f.Term))
            .OrderBy(f => Math.Abs(f.Docs - share * documents)).ThenBy(f => f.Term, StringComparer.Ordinal).Select(f => words[f.Term]).First();

        var rare = Near(0.0005);
        var mid = Near(0.02);
        var common = Near(0.3);
        // The last article by key: the reindex phase retitles the first ones with a marker word.
        var title = (string)(await ScalarAsync(connection, "SELECT t.title FROM search_texts t JOIN search_documents d ON d.id = t.id WHERE d.type = 'dossierArticle' ORDER BY d.key DESC LIMIT 1", ct))!;
        var phrase = string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => DutchAnalyzer.AnalyzeQueryTerm(w) is not null).Take(2));
        await db.Database.CloseConnectionAsync();
        var first = (await engine.SearchAsync(new SearchQuery(common, Sort: SearchSort.Date, PageSize: 1), ct)).Hits[0].Key;
        var top = await FacetValuesOfAsync(db, first, ct);

        var none = new Dictionary<string, IReadOnlyList<string>>();
        return
        [
            new("rare", rare, none),
            new("mid", mid, none),
            new("common", common, none),
            new("phrase", $"\"{phrase}\"", none),
            new("exclusion", $"{common} -{mid}", none),
            new("common, 3 facets", common, top),
        ];
    }

    /// <summary>The type, first theme and first region of one matching document: three filters that still find something.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> FacetValuesOfAsync(KnowledgeDbContext db, Guid key, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var facet in new[] { SearchFacets.Type, SearchFacets.Theme, SearchFacets.Region })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT MIN(v.value) FROM search_facets f JOIN search_documents d ON d.id = f.doc_id JOIN search_facet_values v ON v.id = f.value_id
                    WHERE d.key = @key AND v.facet = @facet
                    """;
                foreach (var (name, value) in new[] { ("@key", key.ToString()), ("@facet", facet) })
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }

                filters[facet] = [(string)(await command.ExecuteScalarAsync(ct))!];
            }

            return filters;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<(string Term, long Docs)>> TermsAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var terms = new List<(string, long)>();
        while (await reader.ReadAsync(ct))
        {
            terms.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return terms;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(connection, sql, ct), System.Globalization.CultureInfo.InvariantCulture);
}
