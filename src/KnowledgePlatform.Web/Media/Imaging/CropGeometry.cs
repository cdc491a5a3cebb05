namespace KnowledgePlatform.Web.Media.Imaging;

/// <summary>
/// Where to cut a crop: the largest region of the wanted aspect ratio that fits the image, centred on the
/// focal point and pushed back inside the edges. Pure arithmetic, so it is tested without libvips.
/// </summary>
public static class CropGeometry
{
    /// <summary>The size to shrink the whole image to before cutting, so the cut needs no further scaling.</summary>
    public static (int Width, int Height) ShrinkBox(int sourceWidth, int sourceHeight, int width, int height)
    {
        var (regionWidth, _) = Region(sourceWidth, sourceHeight, width, height);
        var scale = Math.Min(1.0, width / regionWidth);
        return (Math.Max(1, (int)Math.Ceiling(sourceWidth * scale)), Math.Max(1, (int)Math.Ceiling(sourceHeight * scale)));
    }

    /// <summary>The cut (left, top, width, height) in an image already shrunk to <paramref name="imageWidth"/> × <paramref name="imageHeight"/>.</summary>
    public static (int Left, int Top, int Width, int Height) Cut(
        int imageWidth, int imageHeight, int width, int height, int focalX, int focalY)
    {
        var (regionWidth, regionHeight) = Region(imageWidth, imageHeight, width, height);
        var cutWidth = Math.Clamp((int)Math.Round(Math.Min(width, regionWidth)), 1, imageWidth);
        var cutHeight = Math.Clamp((int)Math.Round(cutWidth * (double)height / width), 1, imageHeight);
        var left = Place(imageWidth, cutWidth, focalX);
        var top = Place(imageHeight, cutHeight, focalY);
        return (left, top, cutWidth, cutHeight);
    }

    private static (double Width, double Height) Region(int sourceWidth, int sourceHeight, int width, int height)
    {
        var aspect = (double)width / height;
        return (double)sourceWidth / sourceHeight > aspect
            ? (sourceHeight * aspect, sourceHeight)
            : (sourceWidth, sourceWidth / aspect);
    }

    private static int Place(int length, int cut, int focalPercent)
    {
        var centre = length * Math.Clamp(focalPercent, 0, 100) / 100.0;
        return Math.Clamp((int)Math.Round(centre - (cut / 2.0)), 0, length - cut);
    }
}
