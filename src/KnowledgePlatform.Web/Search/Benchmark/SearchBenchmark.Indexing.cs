using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search.Benchmark;

public static partial class SearchBenchmark
{
    private const string Editor = "search benchmark";

    /// <summary>
    /// Single-item reindex (the outbox handler for one published item and the people it names), and
    /// publish → searchable: an item is retitled with a new word and published (its outbox row is
    /// handled here at once, as the app does on its own signal, unless the app's processor claims
    /// it first), timed from the publish's commit until the search over HTTP finds the word.
    /// </summary>
    private static async Task ReindexAsync(IServiceProvider services, TextWriter output, string engineName, string? url, int rounds, CancellationToken ct)
    {
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var keys = await db.ContentItems.AsNoTracking().Where(i => i.Status == ContentStatus.Published && i.Type == ContentType.DossierArticle)
            .OrderBy(i => i.Key).Select(i => i.Key).Take(rounds).ToListAsync(ct);
        var indexer = services.GetRequiredService<SearchIndexer>();
        var next = 0;
        var single = await TimeAsync(rounds, () => indexer.HandleAsync(new OutboxMessage { Kind = PublishContent.OutboxKind, ContentKey = keys[next++ % keys.Count] }, ct));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{engineName}: single-item reindex p50 {single.P50:F1} ms, p95 {single.P95:F1} ms"));

        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(services);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var visible = new List<double>();
        var publish = new List<double>();
        foreach (var key in keys)
        {
            var marker = "zqb" + new string(Random.Shared.GetItems("bcdfghjklmnpqrstvwxz".ToCharArray(), 8));
            var version = await db.ContentItems.AsNoTracking().Where(i => i.Key == key).Select(i => i.LatestVersion).SingleAsync(ct);
            var json = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key && v.Number == version).Select(v => v.Body).SingleAsync(ct);
            var body = ContentJson.DeserializeBody(json);
            var title = body.Title.StartsWith("zqb", StringComparison.Ordinal) ? body.Title[(body.Title.IndexOf(' ', StringComparison.Ordinal) + 1)..] : body.Title;
            await services.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(key, body with { Title = $"{marker} {title}" }, Editor), ct);

            var watch = Stopwatch.StartNew();
            await services.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(key, Editor), ct);
            var committed = watch.Elapsed.TotalMilliseconds;
            while (!await FindsAsync(services, http, url, marker, ct))
            {
                if (await processor.ProcessBatchAsync(ct) == 0)
                {
                    await Task.Delay(5, ct);
                }
            }

            publish.Add(committed);
            visible.Add(watch.Elapsed.TotalMilliseconds - committed);
        }

        var (p50, p95) = Percentiles(visible);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{engineName}: publish → searchable{(url is null ? "" : " over HTTP")} p50 {p50:F1} ms, p95 {p95:F1} ms, max {visible.Max():F1} ms over {visible.Count} publishes (the publish itself: p50 {Percentiles(publish).P50:F1} ms)"));
    }

    private static async Task<bool> FindsAsync(IServiceProvider services, HttpClient http, string? url, string word, CancellationToken ct)
    {
        if (url is null)
        {
            return (await services.GetRequiredService<ISearchEngine>().SearchAsync(new SearchQuery(word, PageSize: 1, IncludeFacets: false), ct)).Total > 0;
        }

        using var response = await http.GetAsync($"{url.TrimEnd('/')}/api/v1/search?q={word}&pageSize=1", ct);
        using var json = await JsonDocument.ParseAsync(await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return json.RootElement.GetProperty("total").GetInt32() > 0;
    }

    /// <summary>The engine's own bulk build of the same text, then `search rebuild`, with where the rebuild's time went.</summary>
    private static async Task RebuildAsync(IServiceProvider services, TextWriter output, SqlSearchEngine engine, string engineName, CancellationToken ct)
    {
        var bulk = await engine.BulkBuildAsync(ct);
        var started = Stopwatch.StartNew();
        var documents = await services.GetRequiredService<RebuildSearchIndex.Handler>().HandleAsync(null, ct);
        var full = started.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{engineName}: full reindex {documents} documents in {full:F1} s ({documents / full:F0}/s); engine's bulk build {bulk.Seconds:F1} s ({documents / bulk.Seconds:F0}/s, {bulk.What}); ratio {full / bulk.Seconds:F2}×"));
        if (engine.LastRebuild is { } r)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{engineName}: rebuild time: loading, extracting and analyzing {r.Produce.TotalSeconds:F1} s (beside the writer, on every core), writer waiting for it {r.Waiting.TotalSeconds:F1} s, writing {r.Write.TotalSeconds:F1} s, indexes {r.Indexes.TotalSeconds:F1} s, swap {r.Swap.TotalSeconds:F1} s"));
        }
    }
}
