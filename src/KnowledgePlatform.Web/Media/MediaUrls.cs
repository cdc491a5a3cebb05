using System.Globalization;
using KnowledgePlatform.Web.Media.Imaging;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Public addresses of media. Crops carry the item's version (<c>?v=</c>) because they depend on the focal
/// point; with it they may be cached forever, and a new focal point gives a new address.
/// </summary>
public static class MediaUrls
{
    public static string Original(MediaItem item) => Original(item.Id, item.FileName);

    public static string Original(Guid id, string fileName) => $"/media/{id}/{Uri.EscapeDataString(fileName)}";

    public static string Derivative(MediaItem item, DerivativeSize size, DerivativeFormat format) =>
        Derivative(item.Id, item.Version, size, format);

    public static string Derivative(Guid id, int version, DerivativeSize size, DerivativeFormat format) =>
        size.Height is null
            ? $"/media/{id}/{size}.{format.Extension()}"
            : string.Create(CultureInfo.InvariantCulture, $"/media/{id}/{size}.{format.Extension()}?v={version}");

    /// <summary>A srcset of the responsive widths no wider than the image itself (plus its own width when smaller).</summary>
    public static string SrcSet(MediaItem item, DerivativeFormat format)
    {
        var width = item.Width ?? 0;
        var sizes = DerivativeSizes.Widths.Where(s => s.Width <= width).ToList();
        if (sizes.Count == 0)
        {
            sizes.Add(DerivativeSizes.Widths[0]);
        }

        return string.Join(", ", sizes.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{Derivative(item, s, format)} {Math.Min(s.Width, Math.Max(width, 1))}w")));
    }
}
