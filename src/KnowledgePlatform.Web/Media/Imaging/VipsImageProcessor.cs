using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Media.Imaging;

/// <summary>
/// <see cref="IImageProcessor"/> on libvips: <c>vips_thumbnail</c> from the file (shrink-on-load, so a
/// 12-megapixel JPEG is decoded at 1/2, 1/4 or 1/8 size when that suffices), an optional
/// <c>vips_extract_area</c> for crops, then <c>vips_webpsave</c>/<c>vips_jpegsave</c> to a file. Every image
/// we receive is unreferenced when done. libvips is initialised once, on first use.
/// </summary>
public sealed class VipsImageProcessor(IOptions<MediaOptions> options, ILogger<VipsImageProcessor> logger) : IImageProcessor
{
    public const string MissingMessage =
        "libvips is not available: the media library needs the Debian package libvips42 (apt-get install -y libvips42) for image derivatives.";

    // libvips is process-wide: vips_init returns at once to a second caller while the first is still starting it, and
    // the concurrency and cache settings are global. So one start per process, under a lock, whichever instance
    // (test hosts make several) comes first; its settings apply to all.
    private static readonly Lock StartLock = new();
    private static Exception? startFailure;
    private static bool started;

    /// <summary>Starts libvips now; throws <see cref="ImageProcessorUnavailableException"/> with <see cref="MissingMessage"/> if it cannot.</summary>
    public void EnsureStarted()
    {
        lock (StartLock)
        {
            if (!started && startFailure is null)
            {
                try
                {
                    Start(options.Value, logger);
                    started = true;
                }
                catch (ImageProcessorUnavailableException ex)
                {
                    startFailure = ex;
                }
            }

            if (startFailure is not null)
            {
                throw new ImageProcessorUnavailableException(startFailure.Message, startFailure);
            }
        }
    }

    public ImageHeader ReadHeader(string path)
    {
        EnsureStarted();
        using var image = Owned(VipsNative.ImageNewFromFile(path, IntPtr.Zero), "read " + Path.GetFileName(path));
        var width = VipsNative.ImageGetWidth(image.Pointer);
        var height = VipsNative.ImageGetHeight(image.Pointer);
        var hasAlpha = VipsNative.ImageHasAlpha(image.Pointer) != 0;
        // EXIF orientations 5–8 turn the picture a quarter: thumbnails (auto-rotated) swap width and height.
        var turned = VipsNative.ImageGetInt(image.Pointer, "orientation", out var orientation) == 0 && orientation is >= 5 and <= 8;
        return turned ? new ImageHeader(height, width, hasAlpha) : new ImageHeader(width, height, hasAlpha);
    }

    public void CreateDerivative(string sourcePath, DerivativeRequest request, string targetPath)
    {
        EnsureStarted();
        var (boxWidth, boxHeight) = request.Height is { } h
            ? CropGeometry.ShrinkBox(request.Source.Width, request.Source.Height, request.Width, h)
            : (request.Width, VipsNative.MaxCoord);
        Check(VipsNative.Thumbnail(sourcePath, out var thumbnail, boxWidth, "height", boxHeight, "size", VipsNative.SizeDown, IntPtr.Zero),
            "thumbnail");
        using var shrunk = new VipsRef(thumbnail);
        using var cropped = request.Height is { } height ? Crop(shrunk, request, height) : shrunk.Borrow();
        using var saveable = request.Format == DerivativeFormat.Jpeg && VipsNative.ImageHasAlpha(cropped.Pointer) != 0
            ? FlattenOnWhite(cropped)
            : cropped.Borrow();
        var result = request.Format == DerivativeFormat.WebP
            ? VipsNative.WebpSave(saveable.Pointer, targetPath, "Q", request.Quality, "strip", 1, IntPtr.Zero)
            : VipsNative.JpegSave(saveable.Pointer, targetPath, "Q", request.Quality, "strip", 1, "interlace", 1, "optimize_coding", 1, IntPtr.Zero);
        Check(result, "save " + request.Format);
    }

    private static VipsRef Crop(VipsRef image, DerivativeRequest request, int height)
    {
        var (left, top, width, cutHeight) = CropGeometry.Cut(
            VipsNative.ImageGetWidth(image.Pointer), VipsNative.ImageGetHeight(image.Pointer),
            request.Width, height, request.FocalX, request.FocalY);
        Check(VipsNative.ExtractArea(image.Pointer, out var output, left, top, width, cutHeight, IntPtr.Zero), "crop");
        return new VipsRef(output);
    }

    private static VipsRef FlattenOnWhite(VipsRef image)
    {
        // JPEG has no transparency; without a background libvips would flatten onto black.
        var white = VipsNative.ArrayDoubleNew([255, 255, 255], 3);
        try
        {
            Check(VipsNative.Flatten(image.Pointer, out var output, "background", white, IntPtr.Zero), "flatten");
            return new VipsRef(output);
        }
        finally
        {
            VipsNative.AreaUnref(white);
        }
    }

    private static VipsRef Owned(IntPtr image, string what) =>
        image == IntPtr.Zero ? throw new ImageProcessingException($"libvips could not {what}: {TakeError()}") : new VipsRef(image);

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new ImageProcessingException($"libvips could not {what}: {TakeError()}");
        }
    }

    private static string TakeError()
    {
        var text = Marshal.PtrToStringUTF8(VipsNative.ErrorBuffer())?.Trim() ?? "";
        VipsNative.ErrorClear();
        return text.Length == 0 ? "(no detail)" : text;
    }

    private static void Start(MediaOptions settings, ILogger logger)
    {
        try
        {
            // No optional libvips modules (Debian: vips-magick, -poppler, -heif, -jxl, -openslide): we need only the
            // built-in JPEG/PNG/WebP/GIF loaders, and ImageMagick (loaded by vips-magick as vips_init builds its class
            // list) installs its own SIGSEGV handler, which takes over the .NET runtime's and turns every
            // NullReferenceException into a process crash; and vips-openslide pulls in the system libsqlite3 with global
            // binding, whose symbols then win over the bundled e_sqlite3 EF Core uses (FTS5 crashed). libvips looks for modules under VIPSHOME; point it at a
            // folder that has none. (The native environment: .NET's Environment.SetEnvironmentVariable does not reach it.)
            if (VipsNative.SetEnv("VIPSHOME", Path.Combine(AppContext.BaseDirectory, "libvips-without-modules"), 1) == 0)
            {
                throw new ImageProcessorUnavailableException("libvips was not started: VIPSHOME could not be set to keep its optional modules out.");
            }

            if (VipsNative.Init("KnowledgePlatform") != 0)
            {
                throw new ImageProcessorUnavailableException("libvips failed to start: " + TakeError());
            }

            // Threads per pipeline; several pipelines may run at once (MaxParallelRenders).
            VipsNative.ConcurrencySet(settings.ImageThreads > 0 ? settings.ImageThreads : Math.Max(1, Environment.ProcessorCount / 2));
            // Each derivative is rendered once and then served from disk, so libvips' operation cache would only
            // hold memory and open files; keep it off.
            VipsNative.CacheSetMax(0);
            VipsNative.CacheSetMaxMem(0);
            VipsNative.CacheSetMaxFiles(0);
            // Refuse loaders libvips marks as unsafe for untrusted input (ImageMagick, MATLAB, …), as a second fence
            // behind our own content checks.
            VipsNative.BlockUntrustedSet(true);
            logger.LogInformation("libvips {Major}.{Minor}.{Micro} started for image derivatives.",
                VipsNative.Version(0), VipsNative.Version(1), VipsNative.Version(2));
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            logger.LogError(ex, MissingMessage);
            throw new ImageProcessorUnavailableException(MissingMessage, ex);
        }
    }

    /// <summary>One GObject reference we own: released exactly once.</summary>
    private sealed class VipsRef(IntPtr pointer, bool owned = true) : IDisposable
    {
        public IntPtr Pointer { get; private set; } = pointer;

        /// <summary>The same image without taking ownership (disposing it does nothing).</summary>
        public VipsRef Borrow() => new(Pointer, owned: false);

        public void Dispose()
        {
            if (owned && Pointer != IntPtr.Zero)
            {
                VipsNative.ObjectUnref(Pointer);
            }

            Pointer = IntPtr.Zero;
        }
    }
}
