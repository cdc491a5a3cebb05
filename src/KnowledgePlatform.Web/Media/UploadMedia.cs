using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media.Imaging;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Takes an upload into the library. Order matters for failures: the bytes go to a temporary file beside the
/// originals (a full disk or a broken connection removes it), are checked by content, are renamed into place,
/// and only then is the row committed — and if that fails, the file is removed again. So there is never a
/// partial file under a real name, and never a row without its file.
/// </summary>
public static class UploadMedia
{
    public const string AltTextField = "AltText";

    public const string AltTextRequired =
        "Vul een alternatieve tekst in: beschrijf kort wat er op de afbeelding te zien is, voor wie hem niet kan zien.";

    /// <param name="Id">Null: a new id (every upload); given: that id (an import from uSync keeps its keys).</param>
    public sealed record Command(Stream Content, string? FileName, string? AltText, Guid? FolderId, string Uploader, Guid? Id = null);

    public sealed class Handler(KnowledgeDbContext db, MediaStorage storage, IImageProcessor images, IOptions<MediaOptions> options, TimeProvider clock)
    {
        public async Task<MediaItem> HandleAsync(Command command, CancellationToken ct)
        {
            var limits = options.Value;
            if (command.FolderId is { } folderId && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == folderId, ct))
            {
                throw ValidationFailedException.For("FolderId", "Deze map bestaat niet (meer). Kies een andere map.");
            }

            var (temp, _) = await MediaStorage.ReceiveAsync(command.Content, storage.OriginalsDirectory, limits.MaxFileBytes, ct);
            if (temp is null)
            {
                throw MediaInspector.Refuse(MediaInspector.TooLarge(limits.MaxFileBytes + 1, limits.MaxFileBytes, "Bestanden"));
            }

            MediaItem item;
            string final;
            try
            {
                item = Describe(command, temp, limits);
                final = storage.OriginalPath(item);
                File.Move(temp, final);
            }
            catch
            {
                MediaStorage.TryDelete(temp);
                throw;
            }

            try
            {
                db.Add(item);
                AuditLog.Record(db, command.Uploader, "media.upload", "media", item.Id.ToString(), null, MediaAudit.Snapshot(item));
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                db.ChangeTracker.Clear();
                MediaStorage.TryDelete(final);
                throw;
            }

            return item;
        }

        private MediaItem Describe(Command command, string temp, MediaOptions limits)
        {
            InspectedFile inspected;
            using (var file = File.OpenRead(temp))
            {
                inspected = MediaInspector.Inspect(file, limits);
            }

            var altText = string.IsNullOrWhiteSpace(command.AltText) ? null : command.AltText.Trim();
            ImageHeader? header = null;
            if (inspected.Format.IsImage())
            {
                if (altText is null)
                {
                    throw ValidationFailedException.For(AltTextField, AltTextRequired);
                }

                header = ReadHeader(temp);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            return new MediaItem
            {
                Id = command.Id ?? Guid.NewGuid(),
                FolderId = command.FolderId,
                FileName = DownloadName(command.FileName, inspected.Format),
                OriginalName = OriginalName(command.FileName, inspected.Format),
                Format = inspected.Format,
                Length = inspected.Length,
                Width = header?.Width,
                Height = header?.Height,
                HasAlpha = header?.HasAlpha ?? false,
                AltText = altText,
                UploadedBy = command.Uploader,
                UploadedUtc = now,
                UpdatedUtc = now,
            };
        }

        private ImageHeader ReadHeader(string path)
        {
            try
            {
                return images.ReadHeader(path);
            }
            catch (ImageProcessingException)
            {
                throw MediaInspector.Refuse("Dit bestand lijkt beschadigd: het kan niet als afbeelding worden gelezen.");
            }
        }
    }

    /// <summary>"Jaarverslag 2025 (def).PDF" → "jaarverslag-2025-def.pdf"; the extension is always the detected type's.</summary>
    public static string DownloadName(string? uploaded, MediaFormat format)
    {
        var stem = Slugs.From(Path.GetFileNameWithoutExtension(uploaded ?? ""));
        stem = stem.Length == 0 ? "bestand" : stem[..Math.Min(stem.Length, 100)].TrimEnd('-');
        var name = $"{stem}.{format.Extension()}";
        // A name like "640x.jpg" would be read as a derivative of this item.
        return DerivativeSizes.LooksLikeDerivative(name) ? "bestand-" + name : name;
    }

    private static string OriginalName(string? uploaded, MediaFormat format)
    {
        var name = (uploaded ?? "").Split('/', '\\')[^1].Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? $"bestand.{format.Extension()}" : name[..Math.Min(name.Length, 255)];
    }
}
