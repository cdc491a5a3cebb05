using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Corpus;

public static class CorpusSetup
{
    public static IHostApplicationBuilder AddCorpus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<GenerateCorpus.Handler>();
        return builder;
    }

    /// <summary>`corpus generate`, settings `Corpus:Count` (10000), `Corpus:Seed` (42), `Corpus:Words` (the Snowball word list in shared/).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        var count = config.GetValue("Corpus:Count", 10_000);
        var seed = config.GetValue("Corpus:Seed", 42);
        var words = config["Corpus:Words"] is { Length: > 0 } w
            ? Path.GetFullPath(w)
            : Path.Combine(RepositoryPaths.BaseFor(env.ContentRootPath), "..", "shared", "data", "snowball-dutch-porter", "voc.txt");
        if (!File.Exists(words))
        {
            throw new StartupException($"The word list for Corpus:Words was not found at {words}.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = new Progress<int>(n => output.Write($"\r{n} van {count} items…"));
        var written = await services.GetRequiredService<GenerateCorpus.Handler>().HandleAsync(new GenerateCorpus.Command(count, words, seed), progress, ct);
        await output.WriteLineAsync($"\r{written} items gegenereerd in {started.Elapsed.TotalSeconds:F1} s (seed {seed}).");
        return 0;
    }
}
