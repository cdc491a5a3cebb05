using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// `content touch --slug … --title …`: an editor's edit and publish of one published item, through
/// the same SaveDraft and PublishContent handlers the back-office uses, from the command line. The
/// multi-instance benchmark (scripts/multinode.sh) uses it to publish while readers load the site;
/// it prints the moment the publish committed (Unix milliseconds) so visibility can be timed.
/// `--title -` reads one title per line from standard input and publishes each as it arrives, so a
/// benchmark can publish many times without starting a process (seconds on a loaded machine) each time.
/// </summary>
public static class TouchContent
{
    private const string Editor = "content touch";

    public static async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        if (config["slug"] is not { Length: > 0 } slug || config["title"] is not { Length: > 0 } title)
        {
            await error.WriteLineAsync("Gebruik: content touch --slug <slug van een gepubliceerd item> --title <nieuwe titel, of - voor één titel per regel van standaardinvoer>");
            return 2;
        }

        if (title != "-")
        {
            return await TouchAsync(services, slug, title, output, error, ct);
        }

        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var failed = 0;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            using var scope = scopes.CreateScope();
            failed += await TouchAsync(scope.ServiceProvider, slug, line.Trim(), output, error, ct) == 0 ? 0 : 1;
            await output.FlushAsync(ct);
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> TouchAsync(IServiceProvider services, string slug, string title, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var item = await db.ContentItems.AsNoTracking().Where(i => i.LiveSlug == slug && i.Status == ContentStatus.Published)
            .Select(i => new { i.Key, i.LatestVersion }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            await error.WriteLineAsync($"Er is geen gepubliceerd item met de slug '{slug}'.");
            await output.WriteLineAsync($"geweigerd {slug}");
            return 1;
        }

        var json = await db.ContentVersions.Where(v => v.ContentKey == item.Key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct);
        var body = ContentJson.DeserializeBody(json) with { Title = title };
        try
        {
            await services.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(item.Key, body, Editor, "content touch"), ct);
            await services.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(item.Key, Editor), ct);
        }
        catch (ValidationFailedException ex)
        {
            await error.WriteLineAsync($"Niet gepubliceerd: {ex.Message}");
            await output.WriteLineAsync($"geweigerd {slug}");
            return 1;
        }

        var committed = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        await output.WriteLineAsync($"gepubliceerd {committed} {slug}");
        return 0;
    }
}
