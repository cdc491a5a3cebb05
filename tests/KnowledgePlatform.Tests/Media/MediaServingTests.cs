using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Imaging;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Media;

/// <summary>/media answers: originals and allowed derivatives, with the caching and safety headers.</summary>
public abstract class MediaServingTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<MediaItem> Upload(byte[] bytes, string name, string? alt = "Zwart en wit") => app.InScopeAsync(sp =>
        sp.GetRequiredService<UploadMedia.Handler>().HandleAsync(new UploadMedia.Command(new MemoryStream(bytes), name, alt, null, "test"), Ct));

    private static (Signature, int, int) Describe(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var signature = MagicBytes.Identify(bytes.AsSpan(0, Math.Min(bytes.Length, 64)));
        var (w, h) = ImageHeaderReader.Read(stream, signature) ?? default;
        return (signature, w, h);
    }

    private static void AssertSafeAndImmutable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Original_image_is_served_inline_with_its_type()
    {
        var png = TestImages.Png(64, 32);
        var item = await Upload(png, "Logo.png");

        using var response = await client.GetAsync(MediaUrls.Original(item), Ct);
        AssertSafeAndImmutable(response);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Documents_are_always_downloads()
    {
        var item = await Upload(TestImages.Docx(), "Verslag april.docx", alt: null);
        using var response = await client.GetAsync(MediaUrls.Original(item), Ct);
        AssertSafeAndImmutable(response);
        Assert.Equal(MediaFormat.Docx.ContentType(), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("verslag-april.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("640x.webp", Signature.WebP, 640, 480)]
    [InlineData("320x.jpg", Signature.Jpeg, 320, 240)]
    [InlineData("400x225.webp", Signature.WebP, 400, 225)]
    [InlineData("240x240.jpg", Signature.Jpeg, 240, 240)]
    public async Task Derivatives_are_real_images_of_the_allowed_sizes(string file, Signature signature, int width, int height)
    {
        var item = await Upload(TestImages.Jpeg(1600, 1200), "groot.jpg");
        var url = $"/media/{item.Id}/{file}" + (file.Split('x')[1].StartsWith('.') ? "" : "?v=1");

        using var response = await client.GetAsync(url, Ct);
        AssertSafeAndImmutable(response);
        Assert.Equal(signature == Signature.WebP ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((signature, width, height), Describe(await response.Content.ReadAsByteArrayAsync(Ct)));

        var cached = Directory.GetFiles(app.Services.GetRequiredService<MediaStorage>().DerivativesDirectory(item.Id));
        Assert.Single(cached);
    }

    [Fact]
    public async Task A_crop_without_its_current_version_is_only_cached_briefly()
    {
        var item = await Upload(TestImages.Jpeg(1600, 1200), "groot.jpg");
        using var response = await client.GetAsync($"/media/{item.Id}/400x225.jpg", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("641x.webp")] // not an allowed size
    [InlineData("100000x100000.jpg")]
    [InlineData("640x.png")]
    [InlineData("andere-naam.jpg")] // not the item's name
    public async Task Anything_else_is_not_found(string file)
    {
        var item = await Upload(TestImages.Jpeg(800, 600), "foto.jpg");
        using var response = await client.GetAsync($"/media/{item.Id}/{file}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(Directory.Exists(app.Services.GetRequiredService<MediaStorage>().DerivativesDirectory(item.Id)));
    }

    [Fact]
    public async Task Documents_have_no_derivatives()
    {
        var item = await Upload(TestImages.Pdf, "a.pdf", alt: null);
        using var response = await client.GetAsync($"/media/{item.Id}/640x.webp", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class MediaServingTests_Sqlite(SqliteFixture fixture) : MediaServingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MediaServingTests_Postgres(PostgresFixture fixture) : MediaServingTests(fixture), IClassFixture<PostgresFixture>;
