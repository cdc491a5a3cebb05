using System.Diagnostics;
using System.Globalization;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Search.Benchmark;

/// <summary>
/// `search benchmark` (scripts/bench-search.sh runs it per engine and phase, Bench:Phase):
/// <c>queries</c> — p50/p95 of the raw engine query (FTS5 bm25 … LIMIT 10, PostgreSQL ts_rank …
/// LIMIT 10), of SearchAsync in-process and of the HTTP API at Bench:Url (top 10 with snippets and
/// facets) for the same queries, and SearchAsync without the facet counts; <c>reindex</c> — single-item reindex latency and publish →
/// searchable over HTTP; <c>rebuild</c> — full reindex next to the engine's own bulk build.
/// Prints Markdown. Writes to the database (reindexes, publishes), so point it at a benchmark database only.
/// </summary>
public static partial class SearchBenchmark
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        var rounds = config.GetValue("Bench:Rounds", 30);
        var url = config["Bench:Url"];
        var phase = config["Bench:Phase"] ?? "queries";
        var postgres = services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres;
        var engineName = postgres ? "PostgreSQL" : "SQLite";
        var words = Path.Combine(RepositoryPaths.BaseFor(env.ContentRootPath), "..", "shared", "data", "snowball-dutch-porter", "voc.txt");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var engine = (SqlSearchEngine)scope.ServiceProvider.GetRequiredService<ISearchEngine>();
        switch (phase)
        {
            case "queries":
                var queries = await BenchmarkQueries.PickAsync(db, engine, postgres, words, ct);
                await QueriesAsync(output, engine, engineName, queries, url, rounds, ct);
                return 0;
            case "reindex":
                await ReindexAsync(scope.ServiceProvider, output, engineName, url, rounds, ct);
                return 0;
            case "rebuild":
                await RebuildAsync(scope.ServiceProvider, output, engine, engineName, ct);
                return 0;
            default:
                await output.WriteLineAsync($"Onbekende fase '{phase}': kies queries, reindex of rebuild.");
                return 2;
        }
    }

    private static async Task QueriesAsync(TextWriter output, SqlSearchEngine engine, string engineName, List<BenchmarkQuery> queries,
        string? url, int rounds, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await output.WriteLineAsync("| engine | query | text | raw p50 | raw p95 | engine p50 | engine p95 | engine p95 without facet counts | HTTP p50 | HTTP p95 | HTTP p95 / raw p95 | total | facet counts |");
        await output.WriteLineAsync("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var q in queries)
        {
            var raw = await TimeAsync(rounds, () => engine.RawTopTenAsync(q.Text, ct));
            SearchResult? result = null;
            var inProcess = await TimeAsync(rounds, async () => result = await engine.SearchAsync(new SearchQuery(q.Text, q.Filters), ct));
            var noFacets = await TimeAsync(rounds, () => engine.SearchAsync(new SearchQuery(q.Text, q.Filters, IncludeFacets: false), ct));
            var (h50, h95) = url is null ? (double.NaN, double.NaN)
                : await TimeAsync(rounds, async () => (await http.GetAsync(ApiUrl(url, q), ct)).EnsureSuccessStatusCode().Dispose());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {engineName} | {q.Label} | `{q.Text}` | {raw.P50:F1} | {raw.P95:F1} | {inProcess.P50:F1} | {inProcess.P95:F1} | {noFacets.P95:F1} | {h50:F1} | {h95:F1} | {h95 / raw.P95:F2}× | {result!.Total} | {(result.FacetCountsEstimated ? "estimated" : "exact")} |"));
        }

        if (url is not null)
        {
            // The floor under every HTTP figure: a request the app answers without any work.
            var floor = await TimeAsync(rounds, async () => (await http.GetAsync($"{url.TrimEnd('/')}/health/live", ct)).EnsureSuccessStatusCode().Dispose());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"\n{engineName}: an empty request (GET /health/live) over HTTP: p50 {floor.P50:F1} ms, p95 {floor.P95:F1} ms"));
        }
    }

    private static string ApiUrl(string baseUrl, BenchmarkQuery q) =>
        $"{baseUrl.TrimEnd('/')}/api/v1/search?q={Uri.EscapeDataString(q.Text)}"
        + string.Concat(q.Filters.SelectMany(f => f.Value.Select(v => $"&{f.Key}={Uri.EscapeDataString(v)}")));

    /// <summary>p50 and p95 in milliseconds over <paramref name="rounds"/> runs, after three warm-up runs.</summary>
    private static async Task<(double P50, double P95)> TimeAsync(int rounds, Func<Task> run)
    {
        for (var i = 0; i < 3; i++)
        {
            await run();
        }

        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Percentiles(times);
    }

    private static (double P50, double P95) Percentiles(List<double> times)
    {
        times.Sort();
        return (times[(int)(0.5 * (times.Count - 1))], times[(int)Math.Ceiling(0.95 * (times.Count - 1))]);
    }
}
