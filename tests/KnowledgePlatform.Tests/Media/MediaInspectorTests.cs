using System.Text;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Validation;

namespace KnowledgePlatform.Tests.Media;

/// <summary>Uploads are judged by their bytes: type by magic bytes and structure, size, and image dimensions from the header.</summary>
public sealed class MediaInspectorTests
{
    private static readonly MediaOptions Limits = new();

    private static InspectedFile Inspect(byte[] bytes, MediaOptions? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return MediaInspector.Inspect(stream, limits ?? Limits);
    }

    private static string Refusal(byte[] bytes, MediaOptions? limits = null)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => Inspect(bytes, limits));
        return Assert.Single(ex.Errors[MediaInspector.Field]);
    }

    [Fact]
    public void A_program_renamed_to_jpg_is_refused()
    {
        // An MZ (Windows executable) header; the name a client gives it plays no part.
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 78);
        Assert.Equal(MediaInspector.Unsupported, Refusal(exe));
    }

    [Fact]
    public void Html_sent_as_png_is_refused()
    {
        Assert.Equal(MediaInspector.Unsupported, Refusal(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>")));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<!DOCTYPE svg><svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void Svg_is_refused_with_the_reason(string svg)
    {
        Assert.Equal(MediaInspector.SvgRefused, Refusal(Encoding.UTF8.GetBytes(svg)));
    }

    [Fact]
    public void A_tiny_png_claiming_100000_by_100000_pixels_is_refused_from_its_header()
    {
        var bomb = TestImages.PngClaiming(100_000, 100_000);
        Assert.True(bomb.Length < 100);
        var message = Refusal(bomb);
        Assert.Equal("De afbeelding is te groot: 100.000 × 100.000 pixels. Het maximum is 12.000 pixels per zijde en 50 megapixel in totaal.", message);
    }

    [Fact]
    public void Gif_and_webp_headers_claiming_huge_canvases_are_refused()
    {
        var gif = "GIF89a"u8.ToArray().Concat(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0 }).ToArray();
        Assert.StartsWith("De afbeelding is te groot: 65.535 × 65.535 pixels", Refusal(gif), StringComparison.Ordinal);

        // VP8X canvas 100,000 × 100,000 (stored as size-1, 24 bits each).
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        foreach (var offset in new[] { 24, 27 })
        {
            webp[offset] = 0x9F;
            webp[offset + 1] = 0x86;
            webp[offset + 2] = 0x01;
        }

        Assert.StartsWith("De afbeelding is te groot: 100.000 × 100.000 pixels", Refusal(webp), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jpg", MediaFormat.Jpeg)]
    [InlineData("webp", MediaFormat.WebP)]
    [InlineData("gif", MediaFormat.Gif)]
    public void Real_images_are_recognised_with_their_dimensions(string extension, MediaFormat format)
    {
        var inspected = Inspect(TestImages.Convert(TestImages.Png(321, 123), extension));
        Assert.Equal((format, 321, 123), (inspected.Format, inspected.Width, inspected.Height));
    }

    [Fact]
    public void Png_and_lossless_webp_headers_are_read()
    {
        Assert.Equal((MediaFormat.Png, 77, 55), Inspect(TestImages.Png(77, 55)) is var p ? (p.Format, p.Width, p.Height) : default);
        var lossless = TestImages.Convert(TestImages.Png(90, 60, alpha: true), "webp[lossless]");
        var inspected = Inspect(lossless);
        Assert.Equal((MediaFormat.WebP, 90, 60), (inspected.Format, inspected.Width, inspected.Height));
    }

    [Fact]
    public void Documents_are_recognised_by_structure()
    {
        Assert.Equal(MediaFormat.Pdf, Inspect(TestImages.Pdf).Format);
        Assert.Equal(MediaFormat.Docx, Inspect(TestImages.Docx()).Format);
        Assert.Equal(MediaFormat.Xlsx, Inspect(TestImages.Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>"))).Format);
        Assert.Equal(MediaFormat.Doc, Inspect(TestImages.CompoundFile("WordDocument", "1Table")).Format);
        Assert.Equal(MediaFormat.Xls, Inspect(TestImages.CompoundFile("Workbook")).Format);
    }

    [Fact]
    public void A_plain_zip_and_office_files_with_macros_are_refused()
    {
        Assert.Equal(MediaInspector.Unsupported, Refusal(TestImages.Zip(("readme.txt", "hallo"))));
        Assert.Equal(MediaInspector.MacrosRefused, Refusal(TestImages.Docx(withMacros: true)));
        Assert.Equal(MediaInspector.MacrosRefused, Refusal(TestImages.CompoundFile("WordDocument", "Macros")));
        Assert.Equal(MediaInspector.Unsupported, Refusal(TestImages.CompoundFile("SomethingElse")));
    }

    [Fact]
    public void Files_over_the_size_limit_get_a_clear_message()
    {
        var limits = new MediaOptions { MaxFileSizeMb = 2, MaxImageSizeMb = 1 };
        var pdf = TestImages.Pdf.Concat(new byte[(int)(2.5 * 1024 * 1024)]).ToArray();
        Assert.Equal("Het bestand is te groot (2,5 MB). Bestanden mogen maximaal 2 MB zijn.", Refusal(pdf, limits));

        var png = TestImages.Png(10, 10).Concat(new byte[1536 * 1024]).ToArray();
        Assert.StartsWith("Het bestand is te groot (1,5 MB). Afbeeldingen mogen maximaal 1 MB zijn.", Refusal(png, limits), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_truncated_files_are_refused()
    {
        Assert.Equal("Het bestand is leeg.", Refusal([]));
        Assert.Equal(MediaInspector.Damaged, Refusal([0xFF, 0xD8, 0xFF, 0xE0, 0x00]));
    }
}
