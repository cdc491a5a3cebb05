using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Postgres;
using KnowledgePlatform.Web.Search.Sqlite;

namespace KnowledgePlatform.Web.Search;

public static class SearchSetup
{
    /// <summary>The engine follows Database:Provider: the index lives in the same database as the content.</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>()
            .Bind(builder.Configuration.GetSection(SearchOptions.Section))
            .Validate(o => o.FacetSampleSize >= 1, "The setting Search:FacetSampleSize must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddScoped<ISearchEngine>(sp =>
        {
            SqlSearchEngine engine = sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresSearchEngine>(sp)
                : ActivatorUtilities.CreateInstance<SqliteSearchEngine>(sp);
            engine.FacetSampleSize = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value.FacetSampleSize;
            return engine;
        });
        builder.Services.AddScoped<SearchDocumentLoader>();
        builder.Services.AddScoped<RebuildSearchIndex.Handler>();
        builder.Services.AddScoped<SearchIndexer>();
        builder.Services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<SearchIndexer>());
        builder.Services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search", tags: ["ready"]);
        return builder;
    }

    /// <summary>`search rebuild`: the whole index from content, with progress; search stays up meanwhile.</summary>
    public static async Task<int> RebuildAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = new SyncProgress(n => output.Write($"\r{n} documenten geïndexeerd…"));
        var count = await services.GetRequiredService<RebuildSearchIndex.Handler>().HandleAsync(progress, ct);
        await output.WriteLineAsync($"\rZoekindex opnieuw opgebouwd: {count} documenten in {started.Elapsed.TotalSeconds:F1} s ({count / Math.Max(0.001, started.Elapsed.TotalSeconds):F0} per seconde).");
        return 0;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may print after the summary).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
