using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// Writes the database to uSync/: one file per item, named by key, in a fixed property order with
/// "\n" endings. Unchanged files are not rewritten; an item gone from the database leaves a
/// tombstone so an import elsewhere deletes it too.
/// </summary>
public static class ExportSync
{
    public sealed record Result(int Written, int Unchanged, int Tombstones);

    public sealed class Handler(KnowledgeDbContext db, SyncMedia media)
    {
        public async Task<Result> HandleAsync(string root, CancellationToken ct)
        {
            if (!await db.ContentItems.AnyAsync(ct) && !await db.Vocabularies.AnyAsync(ct) && !await db.People.AnyAsync(ct)
                && Directory.Exists(root) && Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Any())
            {
                // An empty database would mark every file as deleted: almost always a wrong connection string.
                throw new SyncFailedException([new SyncProblem(root,
                    "de database is leeg; exporteren zou alle bestanden als verwijderd markeren. Importeer eerst (sync import) of kies een lege map.")]);
            }

            var files = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var v in await db.Vocabularies.AsNoTracking().Include(v => v.Terms).ToListAsync(ct))
            {
                files[SyncFolders.FileFor(root, SyncFolders.Vocabularies, v.Key)] = SyncMapping.ToFile(v);
            }

            foreach (var o in await db.Organisations.AsNoTracking().ToListAsync(ct))
            {
                files[SyncFolders.FileFor(root, SyncFolders.Organisations, o.Key)] = SyncMapping.ToFile(o);
            }

            foreach (var p in await db.People.AsNoTracking().ToListAsync(ct))
            {
                files[SyncFolders.FileFor(root, SyncFolders.People, p.Key)] = SyncMapping.ToFile(p);
            }

            foreach (var (path, file) in await media.ExportAsync(root, ct))
            {
                files[path] = file;
            }

            var items = await db.ContentItems.AsNoTracking().ToListAsync(ct);
            var bodies = await db.ContentVersions.AsNoTracking()
                .Join(db.ContentItems, v => v.ContentKey, i => i.Key, (v, i) => new { v.ContentKey, v.Number, v.Body, i.LiveVersion, i.LatestVersion, i.Status })
                .Where(x => x.Number == (x.Status == ContentStatus.Published && x.LiveVersion != null ? x.LiveVersion.Value : x.LatestVersion))
                .ToDictionaryAsync(x => x.ContentKey, x => x.Body, ct);
            foreach (var item in items)
            {
                files[SyncFolders.FileFor(root, SyncFolders.Content, item.Key)] = SyncMapping.ToFile(item, ContentJson.DeserializeBody(bodies[item.Key]));
            }

            files[Path.Combine(root, SyncFolders.Settings, SyncFolders.SettingsFile)] = await SiteSettings.ReadAsync(db, ct);

            int written = 0, unchanged = 0;
            foreach (var (path, file) in files)
            {
                if (await WriteIfChangedAsync(path, ContentJson.Serialize(file) + "\n", ct))
                {
                    written++;
                }
                else
                {
                    unchanged++;
                }
            }

            var tombstones = await WriteTombstonesAsync(root, files.Keys.ToHashSet(StringComparer.Ordinal), ct);
            return new Result(written, unchanged, tombstones);
        }

        private static async Task<int> WriteTombstonesAsync(string root, HashSet<string> current, CancellationToken ct)
        {
            var count = 0;
            foreach (var folder in SyncFolders.Items)
            {
                var dir = Path.Combine(root, folder);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var path in Directory.EnumerateFiles(dir, "*.json"))
                {
                    if (current.Contains(path) || !Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var key))
                    {
                        continue;
                    }

                    if (await WriteIfChangedAsync(path, ContentJson.Serialize(new { key, deleted = true }) + "\n", ct))
                    {
                        count++;
                    }

                    // A deleted media item's bytes go with it; its tombstone is what tells an import.
                    while (folder == SyncFolders.Media && SyncFolders.FindMediaBytes(root, key) is { } bytes)
                    {
                        File.Delete(bytes);
                    }
                }
            }

            return count;
        }

        private static async Task<bool> WriteIfChangedAsync(string path, string text, CancellationToken ct)
        {
            if (File.Exists(path) && await File.ReadAllTextAsync(path, ct) == text)
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, text, new System.Text.UTF8Encoding(false), ct);
            File.Move(temp, path, overwrite: true);
            return true;
        }
    }
}
