using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// The media library in uSync/media: metadata as {key}.json, the bytes beside it as {key}.{ext}. Import goes
/// through the same use cases as the back-office (UploadMedia checks the bytes exactly as an upload; UpdateMedia),
/// inside the import's transaction. Files are the one thing a rollback cannot undo, so new originals are
/// removed again when the import fails, and originals of deleted items only once it has committed.
/// </summary>
public sealed class SyncMedia(KnowledgeDbContext db, MediaStorage storage, UploadMedia.Handler upload, UpdateMedia.Handler update, MediaUsage.Handler usage)
{
    private readonly List<string> written = [];
    private readonly List<MediaItem> deleted = [];

    public async Task<IReadOnlyList<(string Path, MediaFile File)>> ExportAsync(string root, CancellationToken ct)
    {
        var files = new List<(string, MediaFile)>();
        foreach (var item in await db.Set<MediaItem>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct))
        {
            files.Add((SyncFolders.FileFor(root, SyncFolders.Media, item.Id), SyncMapping.ToFile(item)));
            var source = storage.OriginalPath(item);
            var target = SyncFolders.MediaBytes(root, item.Id, Path.GetExtension(item.StoredName).TrimStart('.'));
            // An original never changes under its id: a file of the same length is the same file.
            if (File.Exists(source) && !(File.Exists(target) && new FileInfo(target).Length == item.Length))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target + ".tmp", overwrite: true);
                File.Move(target + ".tmp", target, overwrite: true);
            }
        }

        return files;
    }

    /// <summary>Creates or updates one item from its file; Dutch messages (as for an upload) come out as <see cref="ValidationFailedException"/>.</summary>
    public async Task ApplyAsync(string root, MediaFile file, CancellationToken ct)
    {
        var item = await db.Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == file.Key, ct);
        if (item is null)
        {
            var bytes = SyncFolders.FindMediaBytes(root, file.Key) ?? throw ValidationFailedException.For("bestand", "de inhoud ontbreekt");
            await using var content = File.OpenRead(bytes);
            item = await upload.HandleAsync(new UploadMedia.Command(content, file.OriginalName, file.AltText, null, ImportSync.Editor, file.Key), ct);
            written.Add(storage.OriginalPath(item));
        }

        if (item.AltText != file.AltText || item.FocalX != file.FocalX || item.FocalY != file.FocalY)
        {
            await update.HandleAsync(new UpdateMedia.Command(item.Id, file.AltText, file.FocalX, file.FocalY, item.FolderId, ImportSync.Editor), ct);
        }
    }

    /// <summary>Removes the row of a deleted item (refused while content still uses it); its files go after the commit.</summary>
    public async Task DeleteAsync(Guid key, CancellationToken ct)
    {
        if (await db.Set<MediaItem>().SingleOrDefaultAsync(m => m.Id == key, ct) is not { } item)
        {
            return;
        }

        if (await usage.HandleAsync(key, ct) is { Count: > 0 } uses)
        {
            throw ValidationFailedException.For("bestand", DeleteMedia.InUseMessage(uses));
        }

        db.Remove(item);
        await db.SaveChangesAsync(ct);
        deleted.Add(item);
    }

    /// <summary>After the import committed: the files of deleted items.</summary>
    public void Committed()
    {
        foreach (var item in deleted)
        {
            MediaStorage.TryDelete(storage.OriginalPath(item));
            storage.DeleteDerivatives(item.Id);
        }

        Forget();
    }

    /// <summary>After the import failed: the originals this import put in place have no row.</summary>
    public void RolledBack()
    {
        written.ForEach(MediaStorage.TryDelete);
        Forget();
    }

    // One import per call: what the last one wrote or deleted is not the next one's business.
    private void Forget()
    {
        written.Clear();
        deleted.Clear();
    }
}
