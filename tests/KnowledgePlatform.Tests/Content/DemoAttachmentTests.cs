using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Content;

/// <summary>The demo content (uSync/) carries an event with a presentation: its PDF comes from uSync/media and is served, listed and described.</summary>
public abstract class DemoAttachmentTests(PlatformFixture fixture)
{
    private const string EventPath = "/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken";
    private const string MediaKey = "30e0511d-77a3-4d82-8a4b-0ed06d94e432";
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] DemoPdf => File.ReadAllBytes(Path.Combine(RepoPaths.USync, "media", MediaKey + ".pdf"));

    [Fact]
    public async Task The_demo_event_page_links_its_presentation_with_type_size_speaker_and_programme_item()
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(EventPath, Ct));
        var section = page.QuerySelector("#presentaties")!.ParentElement!;
        var link = section.QuerySelector("li a")!;
        Assert.Equal("Presentatie Jan-Kees Helderman (demo)", link.TextContent);
        Assert.Equal($"/media/{MediaKey}/presentatie-college-9-demo.pdf", link.GetAttribute("href"));
        var text = string.Join(' ', section.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(PDF, 2 kB) — Dr. Jan-Kees Helderman · bij ‘College 9.", text, StringComparison.Ordinal);

        using var download = await client.GetAsync(link.GetAttribute("href"), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(DemoPdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_delivery_API_gives_the_attachments_of_an_item()
    {
        var item = JsonDocument.Parse(await client.GetStringAsync("/api/v1/content/event/vu-divosa-collegereeks-2020-patronen-doorbreken", Ct)).RootElement;

        var attachment = Assert.Single(item.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("Presentatie Jan-Kees Helderman (demo)", attachment.GetProperty("title").GetString());
        Assert.Equal($"http://localhost:5000/media/{MediaKey}/presentatie-college-9-demo.pdf", attachment.GetProperty("url").GetString());
        Assert.Equal(("application/pdf", "PDF", DemoPdf.Length, 1), (attachment.GetProperty("contentType").GetString(),
            attachment.GetProperty("fileType").GetString(), attachment.GetProperty("length").GetInt32(), attachment.GetProperty("programmeItem").GetInt32()));
        Assert.Equal("jan-kees-helderman", attachment.GetProperty("speaker").GetProperty("slug").GetString());
        Assert.Equal(MediaKey, item.GetProperty("fields").GetProperty("attachments")[0].GetProperty("media").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_attachments()
    {
        var schemas = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("components").GetProperty("schemas");

        var properties = schemas.GetProperty("AttachmentRef").GetProperty("properties");
        foreach (var name in new[] { "title", "url", "contentType", "fileType", "length", "speaker", "programmeItem" })
        {
            Assert.True(properties.TryGetProperty(name, out _), $"AttachmentRef has no '{name}'");
        }

        Assert.True(schemas.GetProperty("ContentDetail").GetProperty("properties").TryGetProperty("attachments", out _));
    }
}

public sealed class DemoAttachmentTests_Sqlite(SqliteDemoFixture fixture) : DemoAttachmentTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class DemoAttachmentTests_Postgres(PostgresDemoFixture fixture) : DemoAttachmentTests(fixture), IClassFixture<PostgresDemoFixture>;
