using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// On first run with an empty database, import uSync/ so the site has its content. Several
/// instances starting together on one PostgreSQL database import once: the first takes a
/// database lock, the others wait for it and then find the database no longer empty.
/// </summary>
public sealed class StartupImport(
    KnowledgeDbContext db, ImportSync.Handler import, IOptions<SyncOptions> options, IHostEnvironment env, ILogger<StartupImport> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.ImportOnEmptyDatabase || !await IsEmptyAsync(ct))
        {
            return;
        }

        await using var exclusive = await Cluster.StartupLock.HoldAsync(db, Cluster.StartupLock.StartupImport, ct);
        if (!await IsEmptyAsync(ct))
        {
            return;
        }

        var root = options.RootPath(env);
        if (!Directory.Exists(root))
        {
            logger.LogWarning("The database is empty and there is no uSync folder at {Root} to import.", root);
            return;
        }

        var plan = await import.HandleAsync(root, ct);
        logger.LogInformation("Imported uSync from {Root}: {Summary}", root, plan.Summary);
    }

    private async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        !await db.ContentItems.AnyAsync(ct) && !await db.Vocabularies.AnyAsync(ct) && !await db.People.AnyAsync(ct);
}
