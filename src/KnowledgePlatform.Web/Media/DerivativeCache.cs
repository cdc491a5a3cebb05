using System.Collections.Concurrent;
using System.Globalization;
using KnowledgePlatform.Web.Media.Imaging;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Renders a derivative once and keeps it under Media:Path, where every instance finds it. Concurrent requests
/// for the same file share one render; renders overall are limited (<see cref="MediaOptions.MaxParallelRenders"/>)
/// so a burst of new images cannot exhaust memory. Two instances racing write the same bytes, each to its own
/// temporary file, and the last atomic rename wins.
/// </summary>
public sealed class DerivativeCache(MediaStorage storage, IImageProcessor images, IOptions<MediaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim renders = new(Math.Max(1, options.Value.MaxParallelRenders));
    private readonly ConcurrentDictionary<string, Lazy<Task>> inFlight = new(StringComparer.Ordinal);

    public void Dispose() => renders.Dispose();

    public string PathFor(MediaItem item, DerivativeSize size, DerivativeFormat format)
    {
        var version = size.Height is null ? "" : string.Create(CultureInfo.InvariantCulture, $"-v{item.Version}");
        return Path.Combine(storage.DerivativesDirectory(item.Id), $"{size}{version}.{format.Extension()}");
    }

    /// <summary>The derivative's path, rendering it first when it is not on disk yet.</summary>
    public async Task<string> GetAsync(MediaItem item, DerivativeSize size, DerivativeFormat format, CancellationToken ct)
    {
        var path = PathFor(item, size, format);
        if (File.Exists(path))
        {
            return path;
        }

        var render = inFlight.GetOrAdd(path, p => new Lazy<Task>(() => RenderAsync(item, size, format, p)));
        try
        {
            await render.Value.WaitAsync(ct);
        }
        finally
        {
            if (render.IsValueCreated && render.Value.IsCompleted)
            {
                inFlight.TryRemove(new KeyValuePair<string, Lazy<Task>>(path, render));
            }
        }

        return path;
    }

    private async Task RenderAsync(MediaItem item, DerivativeSize size, DerivativeFormat format, string path)
    {
        // Not cancelled with one request: others may be waiting for the same file.
        await renders.WaitAsync();
        string? temp = null;
        try
        {
            if (File.Exists(path))
            {
                return;
            }

            temp = MediaStorage.TempPathIn(Path.GetDirectoryName(path)!) + "." + format.Extension();
            var source = new ImageHeader(item.Width ?? 1, item.Height ?? 1, item.HasAlpha);
            var request = new DerivativeRequest(size.Width, size.Height, format, source, item.FocalX, item.FocalY);
            await Task.Run(() => images.CreateDerivative(storage.OriginalPath(item), request, temp));
            File.Move(temp, path, overwrite: true);
            temp = null;
        }
        finally
        {
            MediaStorage.TryDelete(temp);
            renders.Release();
        }
    }
}
