using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Content;

/// <summary>Presentations and documents attached to events and reports: edited in the form (without JavaScript), shown to readers, in the API.</summary>
public abstract class AttachmentEditingTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_attaches_a_presentation_to_a_programme_item_and_readers_see_type_size_and_speaker()
    {
        var speaker = await AddPersonAsync("Mirjam de Vries");
        var pdf = await UploadAsync(TestImages.Pdf, "presentatie-mirjam.pdf", null);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var title = $"Bijeenkomst met presentatie {Guid.NewGuid():N}"[..40];
        var fields = EditorSession.Event(title);
        fields["Form.Programme[0].Title"] = "Lezing over wijkteams";
        fields["Form.Speakers"] = speaker.ToString();
        fields["Form.Attachments[0].Media"] = pdf.Id.ToString();
        fields["Form.Attachments[0].Title"] = "Presentatie Mirjam de Vries";
        fields["Form.Attachments[0].Speaker"] = speaker.ToString();
        fields["Form.Attachments[0].ProgrammeItem"] = "1";

        var key = await new EditorSession(client).CreateEventAsync(fields, "Publish");

        var slug = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.Where(i => i.Key == key).Select(i => i.LiveSlug).SingleAsync(Ct));
        var page = new HtmlParser().ParseDocument(await BackOfficeUsers.Client(app).GetStringAsync($"/agenda/{slug}", Ct));
        var section = page.QuerySelector("#presentaties")!.ParentElement!;
        var link = section.QuerySelector("li a")!;
        Assert.Equal(("Presentatie Mirjam de Vries", MediaUrls.Original(pdf)), (link.TextContent, link.GetAttribute("href")));
        var text = Normalize(section.TextContent);
        Assert.Contains("Presentatie Mirjam de Vries (PDF, 1 kB) — Mirjam de Vries · bij ‘Lezing over wijkteams’", text, StringComparison.Ordinal);

        var edit = new HtmlParser().ParseDocument(await client.GetStringAsync($"/beheer/inhoud/bewerken/{key}", Ct));
        Assert.Equal(pdf.Id.ToString(), edit.QuerySelector("select[name='Form.Attachments[0].Media'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("1", edit.QuerySelector("select[name='Form.Attachments[0].ProgrammeItem'] option[selected]")?.GetAttribute("value"));

        var api = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/content/{key}", Ct)).RootElement;
        var attachment = Assert.Single(api.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("Presentatie Mirjam de Vries", attachment.GetProperty("title").GetString());
        Assert.EndsWith(MediaUrls.Original(pdf), attachment.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http", attachment.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(("application/pdf", "PDF", TestImages.Pdf.Length, 1), (attachment.GetProperty("contentType").GetString(),
            attachment.GetProperty("fileType").GetString(), attachment.GetProperty("length").GetInt32(), attachment.GetProperty("programmeItem").GetInt32()));
        Assert.Equal("Mirjam de Vries", attachment.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Attachment_rows_are_added_and_removed_without_JavaScript_and_follow_their_programme_item()
    {
        var pdf = await UploadAsync(TestImages.Pdf, "hand-out.pdf", null);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var editor = new EditorSession(client);
        const string url = "/beheer/inhoud/bewerken?type=Event";
        var fields = EditorSession.Event("Bijlagen zonder script");
        fields["Form.Programme[0].Title"] = "Eerste";

        using (var added = await editor.PressAsync(url, new(fields) { ["step"] = "add" }, "Attachments"))
        {
            Assert.Contains("name=\"Form.Attachments[0].Title\"", await added.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        fields["Form.Programme[1].Title"] = "Tweede";
        fields["Form.Attachments[0].Media"] = pdf.Id.ToString();
        fields["Form.Attachments[0].Title"] = "Hand-out bij het tweede onderdeel";
        fields["Form.Attachments[0].ProgrammeItem"] = "2";
        using (var moved = await editor.PressAsync(url, new(fields) { ["step"] = "up:1" }, "Programme"))
        {
            var html = new HtmlParser().ParseDocument(await moved.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Tweede", html.QuerySelector("#prog-0-title")?.GetAttribute("value"));
            Assert.Equal("1", html.QuerySelector("#att-0-programme option[selected]")?.GetAttribute("value")); // the tie moved with its item
        }

        using (var removed = await editor.PressAsync(url, new(fields) { ["step"] = "remove:0" }, "Attachments"))
        {
            Assert.DoesNotContain("Form.Attachments[0].Title", await removed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var key = await editor.CreateEventAsync(fields);
        var body = (EventContent)await BodyAsync(key);
        var attachment = Assert.Single(body.Attachments!);
        Assert.Equal((pdf.Id, "Hand-out bij het tweede onderdeel", 2), (attachment.Media, attachment.Title, attachment.ProgrammeItem));
    }

    [Theory]
    [InlineData("image", "Foto", "", "Geen document (PDF of Office) in de mediabibliotheek")]
    [InlineData("pdf", "", "", "Geef bijlage 1 een titel")]
    [InlineData("none", "Zonder document", "", "Kies bij elke bijlage een document")]
    [InlineData("pdf", "Bij een onderdeel dat er niet is", "3", "hoort bij een programmaonderdeel dat niet bestaat")]
    public async Task A_wrong_attachment_is_refused_with_a_Dutch_message_beside_the_field(string media, string title, string programmeItem, string message)
    {
        var id = media switch
        {
            "image" => (await UploadAsync(TestImages.Png(40, 30), "foto.png", "Een grijs vlak")).Id.ToString(),
            "pdf" => (await UploadAsync(TestImages.Pdf, "document.pdf", null)).Id.ToString(),
            _ => "",
        };
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var name = $"Foute bijlage {Guid.NewGuid():N}"[..30];
        var fields = EditorSession.Event(name);
        fields["Form.Programme[0].Title"] = "Enige onderdeel";
        (fields["Form.Attachments[0].Media"], fields["Form.Attachments[0].Title"], fields["Form.Attachments[0].ProgrammeItem"]) = (id, title, programmeItem);

        using var response = await new EditorSession(client).PressAsync("/beheer/inhoud/bewerken?type=Event", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, new HtmlParser().ParseDocument(html).QuerySelector(".kp-attachments .kp-field-error")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.AnyAsync(v => v.Title == name, Ct)));
    }

    [Fact]
    public async Task A_report_shows_its_documents_and_a_document_in_use_cannot_be_deleted()
    {
        var pdf = await UploadAsync(TestImages.Pdf, "verslag-bijlage.pdf", null);
        var report = new MeetingReportContent
        {
            Title = "Verslag met bijlage", Slug = TestContent.UniqueSlug("verslag"), Body = "<p>Verslag.</p>",
            Attachments = [new Attachment { Media = pdf.Id, Title = "Alle sheets van de middag" }],
        };
        await app.InScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, report, "test"), Ct);
            await sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, "test"), Ct);
        });

        var page = new HtmlParser().ParseDocument(await BackOfficeUsers.Client(app).GetStringAsync($"/verslagen/{report.Slug}", Ct));
        Assert.Contains("Alle sheets van de middag (PDF, 1 kB)", Normalize(page.QuerySelector("#presentaties")!.ParentElement!.TextContent), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<DeleteMedia.Handler>().HandleAsync(new DeleteMedia.Command(pdf.Id, "test"), Ct)));
        Assert.Contains("Verslag met bijlage", refused.Errors.Single().Value.Single(), StringComparison.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<MediaItem> UploadAsync(byte[] bytes, string name, string? alt) => app.InScopeAsync(sp =>
        sp.GetRequiredService<UploadMedia.Handler>().HandleAsync(new UploadMedia.Command(new MemoryStream(bytes), name, alt, null, "test"), Ct));

    private Task<Guid> AddPersonAsync(string name) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var person = new Person { Key = Guid.NewGuid(), Slug = TestContent.UniqueSlug(Slugs.From(name)), Name = name };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Key;
    });

    private Task<ContentBody> BodyAsync(Guid key) => app.InScopeAsync(async sp =>
        ContentJson.DeserializeBody(await PlatformFactory.Db(sp).ContentVersions.Where(v => v.ContentKey == key).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync(Ct)));
}

public sealed class AttachmentEditingTests_Sqlite(SqliteFixture fixture) : AttachmentEditingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AttachmentEditingTests_Postgres(PostgresFixture fixture) : AttachmentEditingTests(fixture), IClassFixture<PostgresFixture>;
