using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// An editor's save from the back-office: SaveDraft guarded by optimistic concurrency (the form
/// carries the version it was loaded from; a save on top of someone else's newer version is
/// refused, so nothing is overwritten silently), plus the audit entry with before and after.
/// </summary>
public static class EditContent
{
    public sealed record Command(Guid? Key, ContentBody Body, int? LoadedVersion, string Editor);

    public sealed class Handler(KnowledgeDbContext db, SaveDraft.Handler save)
    {
        public async Task<SaveDraft.Result> HandleAsync(Command command, CancellationToken ct)
        {
            try
            {
                return await db.InTransactionAsync(() => SaveAsync(command, ct), ct);
            }
            catch (DbUpdateException) when (command.Key is not null)
            {
                // Two saves at the same moment: the unique (item, version number) lets only one win.
                throw await StaleAsync(command.Key.Value, ct);
            }
        }

        private async Task<SaveDraft.Result> SaveAsync(Command command, CancellationToken ct)
        {
            string? before = null;
            if (command.Key is { } key && await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct) is { } item)
            {
                if (item.LatestVersion != command.LoadedVersion)
                {
                    throw await StaleAsync(key, ct);
                }

                before = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key && v.Number == item.LatestVersion)
                    .Select(v => v.Body).SingleOrDefaultAsync(ct);
            }

            if (before is not null && command.Key is { } existing && Same(before, command.Body))
            {
                return new SaveDraft.Result(existing, command.LoadedVersion!.Value); // nothing changed: no new version
            }

            var result = await save.HandleAsync(new SaveDraft.Command(command.Key, command.Body, command.Editor), ct);
            var after = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == result.Key && v.Number == result.Version)
                .Select(v => v.Body).SingleAsync(ct);
            AuditLog.Record(db, command.Editor, before is null ? "content.create" : "content.save", "content", result.Key.ToString(), before, after);
            await db.SaveChangesAsync(ct);
            return result;
        }

        private static bool Same(string storedJson, ContentBody body)
        {
            try
            {
                return ContentJson.Serialize(ContentNormalizer.Normalize(body)) == ContentJson.Serialize(ContentJson.DeserializeBody(storedJson));
            }
            catch (ArgumentException)
            {
                return false; // not normalizable: let SaveDraft report it
            }
        }

        private async Task<ValidationFailedException> StaleAsync(Guid key, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var latest = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            var who = latest is null ? "iemand anders" : $"{latest.CreatedBy} (versie {latest.Number}, {Infrastructure.DutchTime.ToAmsterdam(latest.CreatedUtc):d MMM HH:mm})";
            return ValidationFailedException.For("Version",
                $"Dit item is intussen opgeslagen door {who}. Uw wijzigingen zijn NIET opgeslagen. Kopieer uw tekst, laad de pagina opnieuw en breng uw wijzigingen opnieuw aan.");
        }
    }
}
