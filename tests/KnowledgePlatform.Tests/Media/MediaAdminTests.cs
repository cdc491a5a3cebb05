using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Media;

/// <summary>The library screens under /beheer/media and the picker JSON, as a signed-in editor uses them.</summary>
public abstract class MediaAdminTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> TokenAsync(HttpClient client, string url, string handler)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(url, Ct));
        var form = document.QuerySelectorAll("main form[method=post]")
            .First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal) || handler.Length == 0);
        return form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string contentType, string? alt)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client, "/beheer/media", "Upload")), "__RequestVerificationToken" },
            { new StringContent(alt ?? ""), "altText" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        return await client.PostAsync("/beheer/media?handler=Upload", form, Ct);
    }

    private Task<int> CountAsync(string originalName) => app.InScopeAsync(sp =>
        PlatformFactory.Db(sp).Set<MediaItem>().CountAsync(m => m.OriginalName == originalName, Ct));

    [Fact]
    public async Task An_editor_uploads_a_photo_with_alt_text_and_the_upload_is_audited()
    {
        var (client, user) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        using var response = await UploadAsync(client, TestImages.Jpeg(900, 600), "zaalfoto-upload.jpg", "image/jpeg", "De zaal vol mensen");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/beheer/media/bewerken/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location.Split('/')[^1]);
        var page = await client.GetStringAsync(location, Ct);
        Assert.Contains("Gebruikt op deze pagina's", page, StringComparison.Ordinal);
        Assert.Contains("Dit bestand wordt nergens gebruikt.", page, StringComparison.Ordinal);

        var audit = await app.InScopeAsync(sp => PlatformFactory.Db(sp).AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "media.upload" && a.TargetId == id.ToString(), Ct));
        Assert.Equal(user.Email, audit.Actor);
        Assert.Contains("De zaal vol mensen", audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nep-plaatje-html.png", "image/png", "<!DOCTYPE html><p>geen plaatje</p>", "Dit bestandstype wordt niet ondersteund.")]
    [InlineData("tekening-svg.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG-bestanden worden niet geaccepteerd")]
    public async Task A_refused_file_gets_a_Dutch_message_beside_the_field_and_is_not_stored(string name, string type, string content, string message)
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using var response = await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(content), name, type, "iets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var error = new HtmlParser().ParseDocument(html).QuerySelector("#file-error")?.TextContent ?? "";
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using var response = await UploadAsync(client, TestImages.Png(50, 50), "zonder-alt.png", "image/png", alt: null);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(UploadMedia.AltTextRequired, new HtmlParser().ParseDocument(html).QuerySelector("#alt-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("zonder-alt.png"));
    }

    [Fact]
    public async Task Deleting_an_item_in_use_is_refused_on_the_page_and_authors_cannot_delete_at_all()
    {
        var item = await app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Pdf), "programma.pdf", null, null, "test"), Ct));
        var body = TestContent.Article(title: "Artikel met bijlage") with { Body = $"<p><a href=\"{MediaUrls.Original(item)}\">Programma</a></p>" };
        await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "test"), Ct));

        var (editor, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var url = $"/beheer/media/bewerken/{item.Id}";
        var page = await editor.GetStringAsync(url, Ct);
        Assert.Contains("Artikel met bijlage", page, StringComparison.Ordinal);
        Assert.Contains("kan niet worden verwijderd", page, StringComparison.Ordinal);

        // The button is hidden, but the server refuses on its own.
        var token = await TokenAsync(editor, url, "");
        using var refused = await editor.PostAsync(url + "?handler=Delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Dit bestand wordt nog gebruikt op ‘Artikel met bijlage’", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("programma.pdf"));

        var (author, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var authorToken = await TokenAsync(author, "/beheer/media", "Upload"); // the author sees this item read-only: no form on its page
        using var forbidden = await author.PostAsync(url + "?handler=Delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = authorToken }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_media_dialog_uploads_as_json_with_the_antiforgery_token_and_gets_Dutch_messages()
    {
        var (client, user) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var token = await TokenAsync(client, "/beheer/media", "Upload");
        static MultipartFormDataContent Form(byte[] bytes, string name, string type, string? alt)
        {
            var form = new MultipartFormDataContent { { new StringContent(alt ?? ""), "altText" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "file", name);
            return form;
        }

        async Task<HttpResponseMessage> Post(MultipartFormDataContent content, string? withToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/beheer/api/media") { Content = content };
            if (withToken is not null)
            {
                request.Headers.Add("RequestVerificationToken", withToken);
            }

            return await client.SendAsync(request, Ct);
        }

        using (var forged = await Post(Form(TestImages.Pdf, "zonder-token.pdf", "application/pdf", null), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var created = await Post(Form(TestImages.Pdf, "Programma dialoog.pdf", "application/pdf", null), token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = await created.Content.ReadFromJsonAsync<ListMedia.Summary>(Ct);
        Assert.Equal(("Programma dialoog.pdf", "PDF", $"/media/{summary!.Id}/programma-dialoog.pdf"), (summary.OriginalName, summary.Kind, summary.Url));
        Assert.Equal(user.Email, await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().Where(m => m.Id == summary.Id).Select(m => m.UploadedBy).SingleAsync(Ct)));

        using var noAlt = await Post(Form(TestImages.Png(30, 20), "zonder-alt-dialoog.png", "image/png", null), token);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Contains(UploadMedia.AltTextRequired, await noAlt.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("zonder-alt-dialoog.png"));

        using var anonymous = await BackOfficeUsers.Client(app).PostAsync("/beheer/api/media", Form(TestImages.Pdf, "anoniem.pdf", "application/pdf", null), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await CountAsync("anoniem.pdf"));
    }

    [Fact]
    public async Task The_picker_lists_images_with_ready_urls_for_back_office_users_only()
    {
        var item = await app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Jpeg(700, 350)), "kiezer.jpg", "Voor de kiezer", null, "test"), Ct));

        var anonymous = BackOfficeUsers.Client(app);
        using (var refused = await anonymous.GetAsync("/beheer/api/media", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var page = await client.GetFromJsonAsync<ListMedia.Page>("/beheer/api/media?q=kiezer", Ct);
        var found = Assert.Single(page!.Items);
        Assert.Equal((item.Id, "Voor de kiezer", 700), (found.Id, found.AltText, found.Width));
        Assert.Equal($"/media/{item.Id}/320x.webp", found.ThumbnailUrl);
        Assert.Equal($"/media/{item.Id}/320x.webp 320w, /media/{item.Id}/640x.webp 640w", found.SrcSet);
    }
}

public sealed class MediaAdminTests_Sqlite(SqliteFixture fixture) : MediaAdminTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MediaAdminTests_Postgres(PostgresFixture fixture) : MediaAdminTests(fixture), IClassFixture<PostgresFixture>;
