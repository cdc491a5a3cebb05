using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Removes files under Media:Path that no row owns: an original renamed into place by an upload (or a uSync
/// import) whose commit never came because the process died in between, a temporary file of an interrupted
/// write, the files of an item whose delete committed just before a crash. Such files are never served (serving
/// starts from the row), but they take space. Only files older than <see cref="MinimumAge"/> go, so an upload
/// between its rename and its commit is never touched. One instance sweeps at a time (a lease in the database),
/// every <c>Media:OrphanSweepInterval</c> (an hour).
/// </summary>
public sealed class MediaOrphanSweep(
    IServiceScopeFactory scopes, MediaStorage storage, TimeProvider clock, NodeIdentity node, IOptions<MediaOptions> options,
    ILogger<MediaOrphanSweep> logger) : BackgroundService
{
    public const string LeaseName = "media-orphan-sweep";
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.OrphanSweepInterval, clock, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The media orphan sweep failed; it runs again at the next interval.");
            }
        }
    }

    /// <summary>One sweep, if this instance gets the lease; returns how many files and folders it removed (-1: another instance is sweeping).</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await ClusterLease.TryAcquireAsync(db, LeaseName, node.Id, now, TimeSpan.FromMinutes(30), ct))
        {
            return -1;
        }

        try
        {
            var cutoff = now - MinimumAge;
            // Rows first, files second: a file that appears after this query is younger than the cutoff anyway.
            var owned = (await db.Set<MediaItem>().AsNoTracking().Select(m => m.Id).ToListAsync(ct)).ToHashSet();
            var removed = SweepOriginals(owned, cutoff) + SweepDerivatives(owned, cutoff);
            if (removed > 0)
            {
                logger.LogInformation("The media orphan sweep removed {Count} files or folders that no media item owns.", removed);
            }

            return removed;
        }
        finally
        {
            await ClusterLease.ReleaseAsync(db, LeaseName, node.Id, CancellationToken.None);
        }
    }

    private int SweepOriginals(HashSet<Guid> owned, DateTime cutoff)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(storage.OriginalsDirectory))
        {
            if (File.GetLastWriteTimeUtc(file) <= cutoff && !owned.Contains(IdOf(Path.GetFileName(file))))
            {
                MediaStorage.TryDelete(file);
                removed += File.Exists(file) ? 0 : 1;
            }
        }

        return removed;
    }

    private int SweepDerivatives(HashSet<Guid> owned, DateTime cutoff)
    {
        var root = Path.Combine(storage.Root, "derivatives");
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var ownedFolder = owned.Contains(IdOf(Path.GetFileName(directory)));
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                // Of an item that is still there, only an interrupted render's temporary file is an orphan.
                if (File.GetLastWriteTimeUtc(file) <= cutoff && (!ownedFolder || Path.GetFileName(file).StartsWith(".tmp-", StringComparison.Ordinal)))
                {
                    MediaStorage.TryDelete(file);
                    removed += File.Exists(file) ? 0 : 1;
                }
            }

            if (!ownedFolder && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }

        return removed;
    }

    // "0b7c….pdf" and the folder "0b7c…" → the id; ".tmp-…" and anything else → Guid.Empty, which no item has.
    private static Guid IdOf(string name) =>
        Guid.TryParseExact(name.Split('.')[0], "N", out var id) ? id : Guid.Empty;
}
