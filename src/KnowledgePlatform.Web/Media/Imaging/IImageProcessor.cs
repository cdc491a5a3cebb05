namespace KnowledgePlatform.Web.Media.Imaging;

/// <summary>
/// The seam to the native image library (libvips, see <see cref="VipsImageProcessor"/>): read a header,
/// write one resized or cropped derivative. Callers only ever pass files whose type and pixel
/// dimensions were already checked from their bytes (<see cref="Validation.MediaInspector"/>).
/// </summary>
public interface IImageProcessor
{
    /// <summary>Size as displayed (EXIF orientation applied), read without decoding pixels.</summary>
    ImageHeader ReadHeader(string path);

    /// <summary>Writes <paramref name="request"/>'s derivative of <paramref name="sourcePath"/> to <paramref name="targetPath"/>.</summary>
    void CreateDerivative(string sourcePath, DerivativeRequest request, string targetPath);
}

public sealed record ImageHeader(int Width, int Height, bool HasAlpha);

public enum DerivativeFormat
{
    WebP,
    Jpeg,
}

/// <summary>
/// A derivative: at most <paramref name="Width"/> wide; with a <paramref name="Height"/> it is cropped to
/// exactly that aspect ratio around the focal point (percentages of the displayed image, 0–100).
/// Images are never enlarged: a small source gives a smaller result of the same shape.
/// </summary>
public sealed record DerivativeRequest(
    int Width, int? Height, DerivativeFormat Format, ImageHeader Source, int FocalX = 50, int FocalY = 50, int Quality = 80);

/// <summary>The native library is missing or failed to start; the message says what to install.</summary>
public sealed class ImageProcessorUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>libvips could not read or write an image; carries libvips' own error text.</summary>
public sealed class ImageProcessingException(string message) : Exception(message);
