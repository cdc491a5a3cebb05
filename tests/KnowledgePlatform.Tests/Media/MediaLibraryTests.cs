using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Media;

/// <summary>Upload, storage, usage and delete against the real app on each provider.</summary>
public abstract class MediaLibraryTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string OriginalsDirectory => app.Services.GetRequiredService<MediaStorage>().OriginalsDirectory;

    private Task<MediaItem> Upload(byte[] bytes, string name, string? alt = "Een zwart-wit vlak") => Upload(new MemoryStream(bytes), name, alt);

    private Task<MediaItem> Upload(Stream content, string name, string? alt) => app.InScopeAsync(sp =>
        sp.GetRequiredService<UploadMedia.Handler>().HandleAsync(new UploadMedia.Command(content, name, alt, null, "redacteur@example.org"), Ct));

    private Task<MediaItem?> Row(Guid id) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, Ct));

    private Task<int> RowCount() => app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().CountAsync(Ct));

    private string[] FilesInOriginals() => Directory.GetFiles(OriginalsDirectory);

    [Fact]
    public async Task Upload_stores_the_file_under_a_server_chosen_name_and_records_it()
    {
        var jpeg = TestImages.Jpeg(1200, 800);
        var item = await Upload(jpeg, "../../etc/Foto van de Zaal!.JPEG");

        var row = await Row(item.Id);
        Assert.NotNull(row);
        Assert.Equal((MediaFormat.Jpeg, 1200, 800, "foto-van-de-zaal.jpg"), (row.Format, row.Width, row.Height, row.FileName));
        var stored = Path.Combine(OriginalsDirectory, $"{item.Id:N}.jpg");
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(stored, Ct));
        Assert.DoesNotContain(FilesInOriginals(), f => Path.GetFileName(f).StartsWith(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_upload_leaves_no_file_and_no_row()
    {
        var before = (await RowCount(), FilesInOriginals().Length);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Upload("<html>hoi</html>"u8.ToArray(), "plaatje.png"));
        Assert.Equal(MediaInspector.Unsupported, ex.Errors[MediaInspector.Field].Single());
        var noAlt = await Assert.ThrowsAsync<ValidationFailedException>(() => Upload(TestImages.Png(40, 40), "a.png", alt: "  "));
        Assert.Equal(UploadMedia.AltTextRequired, noAlt.Errors[UploadMedia.AltTextField].Single());
        Assert.Equal(before, (await RowCount(), FilesInOriginals().Length));
    }

    [Fact]
    public async Task A_write_that_fails_halfway_leaves_no_partial_file_and_no_row()
    {
        var before = (await RowCount(), FilesInOriginals().Length);
        await Assert.ThrowsAsync<IOException>(() => Upload(new FailingStream(TestImages.Pdf, failAfter: 200_000), "verslag.pdf", null));
        Assert.Equal(before, (await RowCount(), FilesInOriginals().Length));
    }

    [Fact]
    public async Task A_database_failure_after_the_file_is_in_place_removes_the_file()
    {
        var before = (await RowCount(), FilesInOriginals().Length);
        await FailInsertsAsync(true);
        try
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Upload(TestImages.Pdf, "notulen.pdf", null));
        }
        finally
        {
            await FailInsertsAsync(false);
        }

        Assert.Equal(before, (await RowCount(), FilesInOriginals().Length));
        var ok = await Upload(TestImages.Pdf, "notulen.pdf", null);
        Assert.NotNull(await Row(ok.Id));
    }

    [Fact]
    public async Task An_item_in_use_cannot_be_deleted_and_an_unused_one_can()
    {
        var item = await Upload(TestImages.Jpeg(800, 600), "zaal.jpg");
        var body = TestContent.Event(title: "Bijeenkomst met foto") with
        {
            Body = $"<p>Zie de zaal:</p><p><img src=\"{MediaUrls.Derivative(item, DerivativeSizes.Widths[1], Web.Media.Imaging.DerivativeFormat.WebP)}\" alt=\"De zaal\"></p>",
        };
        var saved = await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>()
            .HandleAsync(new SaveDraft.Command(null, body, "redacteur@example.org"), Ct));

        var uses = await app.InScopeAsync(sp => sp.GetRequiredService<MediaUsage.Handler>().HandleAsync(item.Id, Ct));
        var use = Assert.Single(uses);
        Assert.Equal(("Bijeenkomst met foto", saved.Key, false), (use.Title, use.ContentKey, use.Live));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Delete(item.Id));
        Assert.Contains("‘Bijeenkomst met foto’", refused.Errors["Id"].Single(), StringComparison.Ordinal);
        Assert.NotNull(await Row(item.Id));
        Assert.True(File.Exists(Path.Combine(OriginalsDirectory, item.StoredName)));

        var unused = await Upload(TestImages.Pdf, "bijlage.pdf", null);
        await Delete(unused.Id);
        Assert.Null(await Row(unused.Id));
        Assert.False(File.Exists(Path.Combine(OriginalsDirectory, unused.StoredName)));
    }

    [Fact]
    public async Task Focal_point_change_gives_crops_a_new_version()
    {
        var item = await Upload(TestImages.Jpeg(800, 400), "strook.jpg");
        var updated = await app.InScopeAsync(sp => sp.GetRequiredService<UpdateMedia.Handler>()
            .HandleAsync(new UpdateMedia.Command(item.Id, "Strook", 10, 50, null, "redacteur@example.org"), Ct));
        Assert.Equal((2, 10), (updated.Version, updated.FocalX));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => app.InScopeAsync(sp => sp.GetRequiredService<UpdateMedia.Handler>()
            .HandleAsync(new UpdateMedia.Command(item.Id, "", 150, 50, null, "redacteur@example.org"), Ct)));
        Assert.Equal(["AltText", "Focal"], bad.Errors.Keys.Order());
    }

    private Task Delete(Guid id) => app.InScopeAsync(sp =>
        sp.GetRequiredService<DeleteMedia.Handler>().HandleAsync(new DeleteMedia.Command(id, "redacteur@example.org"), Ct));

    /// <summary>A real database error on insert (a trigger), as a full or broken database would give.</summary>
    private Task FailInsertsAsync(bool fail) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        string[] sql = (fixture.Provider, fail) switch
        {
            (DatabaseProvider.Sqlite, true) => ["CREATE TRIGGER media_fail BEFORE INSERT ON \"MediaItems\" BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"],
            (DatabaseProvider.Sqlite, false) => ["DROP TRIGGER media_fail"],
            (_, true) =>
            [
                "CREATE FUNCTION media_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$",
                "CREATE TRIGGER media_fail BEFORE INSERT ON \"MediaItems\" FOR EACH ROW EXECUTE FUNCTION media_fail()",
            ],
            (_, false) => ["DROP TRIGGER media_fail ON \"MediaItems\"", "DROP FUNCTION media_fail()"],
        };
        foreach (var statement in sql)
        {
            await db.Database.ExecuteSqlRawAsync(statement, Ct);
        }
    });
}

/// <summary>Gives some bytes, then fails like a dropped connection or a full disk.</summary>
internal sealed class FailingStream(byte[] start, int failAfter) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= failAfter)
        {
            throw new IOException("simulated failure while writing");
        }

        var n = (int)Math.Min(count, failAfter - position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = position + i < start.Length ? start[position + i] : (byte)'x';
        }

        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

public sealed class MediaLibraryTests_Sqlite(SqliteFixture fixture) : MediaLibraryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MediaLibraryTests_Postgres(PostgresFixture fixture) : MediaLibraryTests(fixture), IClassFixture<PostgresFixture>;
