using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Imaging;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Tests.Media;

/// <summary>The libvips seam on real files: derivatives are real WebP/JPEG of the right size, cut around the focal point.</summary>
public sealed class ImageProcessorTests : IDisposable
{
    private static readonly VipsImageProcessor Vips = new(Options.Create(new MediaOptions()), NullLogger<VipsImageProcessor>.Instance);
    private readonly string dir = Directory.CreateTempSubdirectory("kp-vips-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (Signature Signature, int Width, int Height) Describe(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[64];
        file.ReadAtLeast(head, 64, throwOnEndOfStream: false);
        var signature = MagicBytes.Identify(head);
        var (width, height) = ImageHeaderReader.Read(file, signature) ?? throw new InvalidOperationException("no size");
        return (signature, width, height);
    }

    [Fact]
    public void Header_gives_the_displayed_size()
    {
        var source = Write("in.jpg", TestImages.Jpeg(1000, 600));
        Assert.Equal(new ImageHeader(1000, 600, false), Vips.ReadHeader(source));
        Assert.True(Vips.ReadHeader(Write("alpha.png", TestImages.Png(20, 10, alpha: true))).HasAlpha);
    }

    [Theory]
    [InlineData(DerivativeFormat.WebP, Signature.WebP)]
    [InlineData(DerivativeFormat.Jpeg, Signature.Jpeg)]
    public void Width_only_derivative_keeps_the_aspect_ratio(DerivativeFormat format, Signature signature)
    {
        var source = Write("in.jpg", TestImages.Jpeg(1000, 600));
        var target = Path.Combine(dir, "out");
        Vips.CreateDerivative(source, new DerivativeRequest(640, null, format, new ImageHeader(1000, 600, false)), target);
        Assert.Equal((signature, 640, 384), Describe(target));
    }

    [Fact]
    public void Small_images_are_not_enlarged()
    {
        var source = Write("in.png", TestImages.Png(300, 200));
        var target = Path.Combine(dir, "out.webp");
        Vips.CreateDerivative(source, new DerivativeRequest(1280, null, DerivativeFormat.WebP, new ImageHeader(300, 200, false)), target);
        Assert.Equal((Signature.WebP, 300, 200), Describe(target));
    }

    [Theory]
    [InlineData(0, 0.0)] // focal point on the black left edge
    [InlineData(100, 255.0)] // on the white right edge
    public void Crop_is_cut_around_the_focal_point(int focalX, double expectedAverage)
    {
        var source = Write("in.jpg", TestImages.Jpeg(1600, 800));
        var target = Path.Combine(dir, $"crop-{focalX}.jpg");
        Vips.CreateDerivative(source, new DerivativeRequest(240, 240, DerivativeFormat.Jpeg, new ImageHeader(1600, 800, false), focalX, 50), target);
        Assert.Equal((Signature.Jpeg, 240, 240), Describe(target));
        Assert.InRange(TestImages.Average(target), expectedAverage - 8, expectedAverage + 8);
    }

    [Fact]
    public void Transparent_png_becomes_a_jpeg_on_white()
    {
        var source = Write("alpha.png", TestImages.Png(400, 200, alpha: true));
        var target = Path.Combine(dir, "flat.jpg");
        Vips.CreateDerivative(source, new DerivativeRequest(320, null, DerivativeFormat.Jpeg, new ImageHeader(400, 200, true)), target);
        Assert.Equal((Signature.Jpeg, 320, 160), Describe(target));
        Assert.InRange(TestImages.Average(target), 247, 255);
    }

    [Fact]
    public void An_unreadable_file_is_an_ImageProcessingException_with_the_libvips_reason()
    {
        // (A truncated JPEG is not an error: libvips renders what is there, as browsers do.)
        var source = Write("broken.jpg", "dit is geen afbeelding"u8.ToArray());
        var ex = Assert.ThrowsAny<ImageProcessingException>(() =>
            Vips.CreateDerivative(source, new DerivativeRequest(320, null, DerivativeFormat.WebP, new ImageHeader(800, 600, false)), Path.Combine(dir, "x.webp")));
        Assert.StartsWith("libvips could not thumbnail: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is not a known file format", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1600, 800, 240, 240, 50, 50, 120, 0, 240, 240)]
    [InlineData(480, 240, 240, 240, 0, 50, 0, 0, 240, 240)]
    [InlineData(480, 240, 240, 240, 100, 50, 240, 0, 240, 240)]
    [InlineData(480, 240, 240, 240, 50, 50, 120, 0, 240, 240)]
    [InlineData(100, 50, 240, 240, 50, 50, 25, 0, 50, 50)] // too small: same shape, smaller
    public void Crop_geometry(int w, int h, int tw, int th, int fx, int fy, int left, int top, int cw, int ch)
    {
        var box = CropGeometry.ShrinkBox(w, h, tw, th);
        var cut = CropGeometry.Cut(box.Width, box.Height, tw, th, fx, fy);
        Assert.Equal((left, top, cw, ch), cut);
    }
}
