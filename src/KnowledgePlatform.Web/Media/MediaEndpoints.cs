using System.Globalization;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media.Imaging;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Public media: <c>/media/{id}/{name}</c> is the original, <c>/media/{id}/{w}x{h?}.{webp|jpg}</c> an allowed
/// derivative. Both are immutable for a given URL and cached for a year; every response says nosniff and
/// carries a sandboxing CSP, and documents are always downloads, never rendered in the site's origin.
/// </summary>
public static class MediaEndpoints
{
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>A crop asked for without (or with an old) version: correct now, but may change with the focal point.</summary>
    public const string ShortLived = "public, max-age=300";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/media/{id:guid}/{file}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();
        app.MapMediaPickerApi();
        return app;
    }

    private static async Task<IResult> ServeAsync(
        Guid id, string file, HttpContext context, KnowledgeDbContext db, MediaStorage storage, DerivativeCache derivatives,
        ILoggerFactory logs, CancellationToken ct)
    {
        var item = await db.Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (DerivativeSizes.TryParse(file, out var size, out var format))
        {
            return item.IsImage ? await DerivativeAsync(item, size, format, context, derivatives, logs, ct) : TypedResults.NotFound();
        }

        if (!string.Equals(file, item.FileName, StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var path = storage.OriginalPath(item);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        headers.CacheControl = Immutable;
        return TypedResults.PhysicalFile(path, item.Format.ContentType(),
            fileDownloadName: item.IsImage ? null : item.FileName,
            lastModified: item.UploadedUtc, entityTag: Tag(item.Id.ToString("N")), enableRangeProcessing: true);
    }

    private static async Task<IResult> DerivativeAsync(
        MediaItem item, DerivativeSize size, DerivativeFormat format, HttpContext context, DerivativeCache derivatives,
        ILoggerFactory logs, CancellationToken ct)
    {
        string path;
        try
        {
            path = await derivatives.GetAsync(item, size, format, ct);
        }
        catch (ImageProcessorUnavailableException ex)
        {
            logs.CreateLogger(typeof(MediaEndpoints)).LogError("{Message}", ex.Message);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var current = size.Height is null
            || context.Request.Query["v"].ToString() == item.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = current ? Immutable : ShortLived;
        return TypedResults.PhysicalFile(path, format.ContentType(), lastModified: item.UpdatedUtc,
            entityTag: Tag($"{item.Id:N}-{size}-{item.Version}-{format.Extension()}"));
    }

    private static EntityTagHeaderValue Tag(string value) => new($"\"{value}\"");
}
