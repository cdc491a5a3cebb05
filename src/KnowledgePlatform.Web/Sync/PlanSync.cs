using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// Dry run: what an import of the uSync folder would create, update, rename or delete. Reads the
/// database, changes nothing. Throws <see cref="SyncFailedException"/> for files that cannot be imported.
/// </summary>
public static class PlanSync
{
    public sealed class Handler(KnowledgeDbContext db)
    {
        public async Task<(SyncSnapshot Snapshot, SyncPlan Plan)> HandleAsync(string root, CancellationToken ct)
        {
            var snapshot = SyncReader.Read(root);
            var entries = new List<SyncPlanEntry>();

            var vocabularies = await db.Vocabularies.AsNoTracking().Include(v => v.Terms).ToDictionaryAsync(v => v.Key, ct);
            foreach (var (path, file) in snapshot.Vocabularies)
            {
                entries.Add(Compare(SyncFolders.Vocabularies, file.Key, file.Name, path,
                    vocabularies.GetValueOrDefault(file.Key) is { } v ? SyncMapping.ToFile(v) : null, file, x => x.Alias));
            }

            var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Key, ct);
            foreach (var (path, file) in snapshot.Organisations)
            {
                entries.Add(Compare(SyncFolders.Organisations, file.Key, file.Name, path,
                    organisations.GetValueOrDefault(file.Key) is { } o ? SyncMapping.ToFile(o) : null, file, x => x.Slug));
            }

            var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Key, ct);
            foreach (var (path, file) in snapshot.People)
            {
                entries.Add(Compare(SyncFolders.People, file.Key, file.Name, path,
                    people.GetValueOrDefault(file.Key) is { } p ? SyncMapping.ToFile(p) : null, file, x => x.Slug));
            }

            var media = await db.Set<Media.MediaItem>().AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
            foreach (var (path, file) in snapshot.Media)
            {
                entries.Add(Compare(SyncFolders.Media, file.Key, file.OriginalName, path,
                    media.GetValueOrDefault(file.Key) is { } m ? SyncMapping.ToFile(m) : null, file, x => x.OriginalName));
            }

            var items = await db.ContentItems.AsNoTracking().ToDictionaryAsync(i => i.Key, ct);
            foreach (var (path, file) in snapshot.Content)
            {
                var current = items.TryGetValue(file.Key, out var item) ? await CurrentFileAsync(item, ct) : null;
                entries.Add(CompareContent(path, current, file));
            }

            foreach (var t in snapshot.Deleted)
            {
                var exists = t.Folder switch
                {
                    SyncFolders.Vocabularies => vocabularies.ContainsKey(t.Key),
                    SyncFolders.Organisations => organisations.ContainsKey(t.Key),
                    SyncFolders.People => people.ContainsKey(t.Key),
                    SyncFolders.Media => media.ContainsKey(t.Key),
                    _ => items.ContainsKey(t.Key),
                };
                entries.Add(new SyncPlanEntry(t.Folder, t.Key, "(verwijderd)", exists ? SyncAction.Delete : SyncAction.Unchanged, t.Path));
            }

            await CheckReferencesAsync(snapshot, ct);
            var settingsChanged = snapshot.Settings is { } s && !s.Equals(await SiteSettings.ReadAsync(db, ct));
            return (snapshot, new SyncPlan(entries, settingsChanged));
        }

        private async Task<ContentFile> CurrentFileAsync(ContentItem item, CancellationToken ct)
        {
            var number = SyncMapping.VersionToExport(item);
            var json = await db.ContentVersions.AsNoTracking()
                .Where(v => v.ContentKey == item.Key && v.Number == number).Select(v => v.Body).SingleAsync(ct);
            return SyncMapping.ToFile(item, ContentJson.DeserializeBody(json));
        }

        private static SyncPlanEntry Compare<T>(string folder, Guid key, string label, string path, T? current, T file, Func<T, string> slug)
            where T : class
        {
            if (current is null)
            {
                return new(folder, key, label, SyncAction.Create, path);
            }

            if (ContentJson.Serialize(current) == ContentJson.Serialize(file))
            {
                return new(folder, key, label, SyncAction.Unchanged, path);
            }

            return slug(current) != slug(file)
                ? new(folder, key, label, SyncAction.Rename, path, $"{slug(current)} → {slug(file)}")
                : new(folder, key, label, SyncAction.Update, path);
        }

        private static SyncPlanEntry CompareContent(string path, ContentFile? current, ContentFile file)
        {
            var label = file.Content.Title;
            if (current is null)
            {
                return new(SyncFolders.Content, file.Key, label, SyncAction.Create, path);
            }

            if (current.Content.Type != file.Content.Type)
            {
                throw new SyncFailedException([new SyncProblem(path, $"het type kan niet veranderen ({current.Content.Type} → {file.Content.Type})")]);
            }

            if (SyncMapping.SameState(current, file))
            {
                return new(SyncFolders.Content, file.Key, label, SyncAction.Unchanged, path);
            }

            return current.Content.Slug != file.Content.Slug
                ? new(SyncFolders.Content, file.Key, label, SyncAction.Rename, path, $"{current.Content.Slug} → {file.Content.Slug}")
                : new(SyncFolders.Content, file.Key, label, SyncAction.Update, path);
        }

        private async Task CheckReferencesAsync(SyncSnapshot s, CancellationToken ct)
        {
            var deleted = s.Deleted.Select(d => d.Key).ToHashSet();
            var known = s.Vocabularies.SelectMany(v => v.File.Terms.Select(t => t.Key))
                .Concat(s.Organisations.Select(o => o.File.Key))
                .Concat(s.People.Select(p => p.File.Key))
                .Concat(s.Content.Select(c => c.File.Key))
                .Concat(s.Media.Select(m => m.File.Key))
                .Concat(await db.Terms.Select(t => t.Key).ToListAsync(ct))
                .Concat(await db.Organisations.Select(o => o.Key).ToListAsync(ct))
                .Concat(await db.People.Select(p => p.Key).ToListAsync(ct))
                .Concat(await db.ContentItems.Select(i => i.Key).ToListAsync(ct))
                .Concat(await db.Set<Media.MediaItem>().Select(m => m.Id).ToListAsync(ct))
                .Where(k => !deleted.Contains(k))
                .ToHashSet();
            var problems = s.Content
                .SelectMany(c => ContentReferences.From(c.File.Content).Select(r => (c.Path, r.TargetKey)))
                .Concat(s.People.Where(p => p.File.Organisation is not null).Select(p => (p.Path, TargetKey: p.File.Organisation!.Value)))
                .Where(x => !known.Contains(x.TargetKey))
                .Select(x => new SyncProblem(x.Path, $"verwijst naar {x.TargetKey}, dat niet bestaat"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new SyncFailedException(problems);
            }
        }
    }
}
