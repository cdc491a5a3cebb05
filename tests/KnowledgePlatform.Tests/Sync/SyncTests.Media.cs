using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Sync;

/// <summary>The media library in uSync/media: {key}.json beside the bytes, through the same checks as an upload.</summary>
public abstract partial class SyncTests
{
    private const string DemoMedia = "30e0511d-77a3-4d82-8a4b-0ed06d94e432";

    [Fact]
    public async Task The_demo_presentation_is_imported_into_the_media_library_with_its_bytes()
    {
        await using var app = await StartAsync(importDemo: true);

        var item = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(DemoMedia), Ct));
        Assert.Equal(("presentatie-college-9-demo.pdf", "Presentatie college 9 (demo).pdf", ImportSync.Editor), (item.FileName, item.OriginalName, item.UploadedBy));
        var stored = app.Services.GetRequiredService<MediaStorage>().OriginalPath(item);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.USync, "media", DemoMedia + ".pdf"), Ct), await File.ReadAllBytesAsync(stored, Ct));
    }

    [Fact]
    public async Task A_media_file_without_its_bytes_is_reported_and_nothing_is_imported()
    {
        var root = RepoPaths.CopyOfUSync();
        File.Delete(Path.Combine(root, "media", DemoMedia + ".pdf"));
        await using var app = await StartAsync(importDemo: false, syncRoot: root);

        var failure = await Assert.ThrowsAsync<SyncFailedException>(() => app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct)));

        var problem = Assert.Single(failure.Problems, p => p.Path.EndsWith($"media/{DemoMedia}.json", StringComparison.Ordinal));
        Assert.Contains("de inhoud ontbreekt", problem.Reason, StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AnyAsync(Ct)));
    }

    [Fact]
    public async Task An_import_that_fails_leaves_no_media_file_behind()
    {
        var root = RepoPaths.CopyOfUSync();
        new DemoFolder(root).ChangeContent("dossierArticle", c => c.Replace("\"slug\": \"", "\"slug\": \"Geen Geldige Slug ", StringComparison.Ordinal));
        await using var app = await StartAsync(importDemo: false, syncRoot: root);

        await Assert.ThrowsAsync<SyncFailedException>(() => app.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct)));

        Assert.Equal(0, await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().CountAsync(Ct)));
        Assert.Empty(Directory.EnumerateFiles(app.Services.GetRequiredService<MediaStorage>().OriginalsDirectory));
    }

    [Fact]
    public async Task A_media_item_travels_to_another_site_and_its_deletion_follows_as_a_tombstone()
    {
        var folder = Directory.CreateTempSubdirectory("kp-export-").FullName;
        await using var source = await StartAsync(importDemo: true);
        var item = await source.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Jpeg(300, 200)), "Zaal.jpg", "De zaal", null, "test"), Ct));
        await source.InScopeAsync(sp => sp.GetRequiredService<ExportSync.Handler>().HandleAsync(folder, Ct));
        Assert.True(File.Exists(Path.Combine(folder, "media", $"{item.Id:D}.jpg")));

        await using var target = await StartAsync(importDemo: false, syncRoot: folder);
        await target.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(folder, Ct));
        var copy = await target.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AsNoTracking().SingleAsync(m => m.Id == item.Id, Ct));
        Assert.Equal(("zaal.jpg", "De zaal", 300), (copy.FileName, copy.AltText, copy.Width));
        var copyPath = target.Services.GetRequiredService<MediaStorage>().OriginalPath(copy);
        Assert.True(File.Exists(copyPath));

        await source.InScopeAsync(sp => sp.GetRequiredService<DeleteMedia.Handler>().HandleAsync(new DeleteMedia.Command(item.Id, "test"), Ct));
        await source.InScopeAsync(sp => sp.GetRequiredService<ExportSync.Handler>().HandleAsync(folder, Ct));
        Assert.Contains("\"deleted\": true", await File.ReadAllTextAsync(Path.Combine(folder, "media", $"{item.Id:D}.json"), Ct), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "media", $"{item.Id:D}.jpg")));

        await target.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(folder, Ct));
        Assert.False(await target.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AnyAsync(m => m.Id == item.Id, Ct)));
        Assert.False(File.Exists(copyPath));
    }
}
