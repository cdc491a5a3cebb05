using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Brings back an earlier version as a new draft: history only grows, so the restore itself can
/// be compared and undone like any other edit.
/// </summary>
public static class RestoreVersion
{
    public sealed record Command(Guid Key, int Version, string Editor);

    public sealed class Handler(KnowledgeDbContext db, SaveDraft.Handler saveDraft)
    {
        public async Task<SaveDraft.Result> HandleAsync(Command command, CancellationToken ct)
        {
            var version = await db.ContentVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.ContentKey == command.Key && v.Number == command.Version, ct)
                ?? throw ValidationFailedException.For("Version", $"Versie {command.Version} bestaat niet.");
            var body = ContentJson.DeserializeBody(version.Body);
            return await saveDraft.HandleAsync(
                new SaveDraft.Command(command.Key, body, command.Editor, $"Hersteld van versie {command.Version}"), ct);
        }
    }
}
