using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Imaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// Two instances on one database and one shared Media:Path: a derivative rendered by one is served
/// by the other from the shared folder, without rendering it again.
/// </summary>
public sealed class SharedMediaTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase database = null!;
    private string mediaPath = null!;
    private MediaNode a = null!;
    private MediaNode b = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        mediaPath = Directory.CreateTempSubdirectory("kp-shared-media-").FullName;
        a = new MediaNode(database, mediaPath);
        b = new MediaNode(database, mediaPath);
        _ = a.Server;
        _ = b.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(mediaPath, recursive: true);
    }

    [Fact]
    public async Task A_derivative_rendered_by_one_instance_is_served_by_the_other_without_rendering_it_again()
    {
        var item = await a.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>().HandleAsync(
            new UploadMedia.Command(new MemoryStream(TestImages.Jpeg(1600, 1200)), "gedeeld.jpg", "Een gedeelde foto", null, "test"), Ct));
        var url = $"/media/{item.Id}/640x.webp";
        using var onA = a.CreateClient();
        using var onB = b.CreateClient();

        var fromA = await onA.GetByteArrayAsync(url, Ct);
        Assert.Equal(1, a.Renders.Count);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(mediaPath, "derivatives"), "*.webp", SearchOption.AllDirectories));
        var written = File.GetLastWriteTimeUtc(file);

        using var response = await onB.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fromA, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(0, b.Renders.Count);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // the file A wrote, not a new one

        // And the other way round: a size B renders first, A serves as it is.
        var crop = $"/media/{item.Id}/400x225.jpg?v={item.Version}";
        var fromB = await onB.GetByteArrayAsync(crop, Ct);
        Assert.Equal(fromB, await onA.GetByteArrayAsync(crop, Ct));
        Assert.Equal((1, 1), (a.Renders.Count, b.Renders.Count));
    }

    /// <summary>The real app with Media:Path set to the shared folder, counting the derivatives it renders itself.</summary>
    private sealed class MediaNode(TestDatabase database, string mediaPath) : PlatformFactory(database)
    {
        public RenderCounter Renders { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Media:Path", mediaPath);
            builder.ConfigureTestServices(s => s.AddSingleton<IImageProcessor>(sp =>
                new CountingImages(sp.GetRequiredService<VipsImageProcessor>(), Renders)));
        }
    }

    private sealed class RenderCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    private sealed class CountingImages(IImageProcessor inner, RenderCounter renders) : IImageProcessor
    {
        public ImageHeader ReadHeader(string path) => inner.ReadHeader(path);

        public void CreateDerivative(string sourcePath, DerivativeRequest request, string targetPath)
        {
            renders.Add();
            inner.CreateDerivative(sourcePath, request, targetPath);
        }
    }
}
