using KnowledgePlatform.Web.Data;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Where media files live under <c>Media:Path</c> (outside the web root; shared by all instances):
/// <c>originals/{id}.{ext}</c> and <c>derivatives/{id}/{size}[-v{version}].{ext}</c>. Every file is written
/// to a temporary name in its final directory and renamed into place, so a reader (or another instance)
/// sees a whole file or none, and a failed write leaves nothing behind.
/// </summary>
public sealed class MediaStorage(IOptions<MediaOptions> options, DatabaseSettings database, IHostEnvironment environment)
{
    private const string TempPrefix = ".tmp-";

    public string Root { get; } = string.IsNullOrWhiteSpace(options.Value.Path)
        ? Path.Combine(database.DataPath, "media")
        : Infrastructure.RepositoryPaths.Resolve(environment.ContentRootPath, options.Value.Path);

    public string OriginalsDirectory => Directory.CreateDirectory(Path.Combine(Root, "originals")).FullName;

    public string OriginalPath(MediaItem item) => Path.Combine(OriginalsDirectory, item.StoredName);

    public string DerivativesDirectory(Guid id) => Path.Combine(Root, "derivatives", id.ToString("N"));

    /// <summary>A fresh temporary path in <paramref name="directory"/> (created if needed), on the same file system as the target.</summary>
    public static string TempPathIn(string directory)
    {
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Removes a file if it is there; a failure here must not hide the error that led to it.</summary>
    public static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operator; a stray file is harmless, it is never served without its row.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void DeleteDerivatives(Guid id, Func<string, bool>? which = null)
    {
        var directory = DerivativesDirectory(id);
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Where(f => which?.Invoke(Path.GetFileName(f)) ?? true))
        {
            TryDelete(file);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> to a new temporary file, stopping as soon as it passes <paramref name="limit"/>
    /// bytes (then no file is left and the path is null). Any failure, such as a full disk, removes the partial file.
    /// </summary>
    public static async Task<(string? Path, long Length)> ReceiveAsync(Stream source, string directory, long limit, CancellationToken ct)
    {
        var path = TempPathIn(directory);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            if (total > limit)
            {
                await target.DisposeAsync();
                TryDelete(path);
                return (null, total);
            }

            // On disk before it is renamed into place: a crash must not leave a named but empty original.
            await target.FlushAsync(ct);
            target.Flush(flushToDisk: true);
            return (path, total);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }
}
