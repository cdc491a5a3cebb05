using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>The per-object rule (Areas/Admin/BackOfficeAccess) as authors and editors meet it, on each provider.</summary>
public abstract class ObjectAccessTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_author_changes_their_own_draft_until_an_editor_publishes_it()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var author = new EditorSession(client);
        var key = await author.CreateEventAsync(EditorSession.Event("Eigen concept"));
        var url = $"/beheer/inhoud/bewerken/{key}";

        using (var saved = await author.PressAsync(url, new() { ["Form.Title"] = "Eigen concept, bijgewerkt" }, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var (editorClient, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using (var published = await new EditorSession(editorClient).PressAsync(url, [], "Publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var page = await client.GetStringAsync(url, Ct);
        Assert.Contains("Alleen lezen.", page, StringComparison.Ordinal);
        Assert.Empty(new HtmlParser().ParseDocument(page).QuerySelectorAll("main form[method=post]"));
        using var refused = await PostAsync(client, url, new() { ["Form.Title"] = "Na publicatie gewijzigd", ["Form.Type"] = "Event", ["Form.StartDate"] = "2031-05-14" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var restore = await PostAsync(client, $"/beheer/inhoud/versies/{key}?handler=Restore", new() { ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.Equal(2, await LatestVersionAsync(key));
    }

    [Fact]
    public async Task An_author_sees_another_authors_item_read_only_with_its_versions_and_preview()
    {
        var (a, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var key = await new EditorSession(a).CreateEventAsync(EditorSession.Event("Concept van een collega"));
        var (b, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);

        var edit = await b.GetStringAsync($"/beheer/inhoud/bewerken/{key}", Ct);
        Assert.Contains("door iemand anders gemaakt", edit, StringComparison.Ordinal);
        Assert.Contains("Concept van een collega", edit, StringComparison.Ordinal);
        var versions = await b.GetStringAsync($"/beheer/inhoud/versies/{key}", Ct);
        Assert.DoesNotContain("Terugzetten", versions, StringComparison.Ordinal);
        Assert.Contains("Concept van een collega", await b.GetStringAsync($"/beheer/inhoud/voorbeeld/{key}", Ct), StringComparison.Ordinal);

        // A Redacteur may change anyone's item.
        var (editor, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using var saved = await new EditorSession(editor).PressAsync($"/beheer/inhoud/bewerken/{key}", new() { ["Form.Title"] = "Door de redactie bijgewerkt" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task An_author_cannot_change_their_own_item_once_it_is_scheduled()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var key = await new EditorSession(client).CreateEventAsync(EditorSession.Event("Ingepland concept"));
        var (editor, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using (var scheduled = await PostAsync(editor, $"/beheer/inhoud/bewerken/{key}?handler=Schedule", new() { ["PublishDate"] = "2031-01-02", ["PublishTime"] = "09:00" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        Assert.Contains("ingepland om te publiceren", await client.GetStringAsync($"/beheer/inhoud/bewerken/{key}", Ct), StringComparison.Ordinal);
        using var refused = await PostAsync(client, $"/beheer/inhoud/bewerken/{key}", new() { ["Form.Title"] = "Toch gewijzigd", ["Form.Type"] = "Event", ["Form.StartDate"] = "2031-05-14" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, await LatestVersionAsync(key));
    }

    [Fact]
    public async Task A_save_to_a_key_that_does_not_exist_is_404_and_creates_nothing()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var key = Guid.NewGuid();
        using var response = await PostAsync(client, $"/beheer/inhoud/bewerken/{key}",
            new(EditorSession.Event("Onder een verzonnen sleutel")) { ["Form.Type"] = "Event" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AnyAsync(i => i.Key == key, Ct)));
    }

    [Fact]
    public async Task An_author_changes_only_media_they_uploaded()
    {
        var (a, userA) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var (b, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var item = await app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Pdf), "eigen-document.pdf", null, null, userA.Email!), Ct));
        var url = $"/beheer/media/bewerken/{item.Id}";

        Assert.Contains("Alleen lezen.", await b.GetStringAsync(url, Ct), StringComparison.Ordinal);
        using (var refused = await PostAsync(b, url, new() { ["AltText"] = "Van een ander", ["FocalX"] = "50", ["FocalY"] = "50" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var own = await PostAsync(a, url, new() { ["AltText"] = "Mijn programma", ["FocalX"] = "50", ["FocalY"] = "50" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        }

        Assert.Equal("Mijn programma", (await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AsNoTracking().SingleAsync(m => m.Id == item.Id, Ct))).AltText);
    }

    /// <summary>A POST with the user's antiforgery token (taken from a page they can open) and these fields only.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync("/beheer/media", Ct);
        var token = new HtmlParser().ParseDocument(html).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }), Ct);
    }

    private Task<int> LatestVersionAsync(Guid key) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.Where(i => i.Key == key).Select(i => i.LatestVersion).SingleAsync(Ct));
}

public sealed class ObjectAccessTests_Sqlite(SqliteFixture fixture) : ObjectAccessTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ObjectAccessTests_Postgres(PostgresFixture fixture) : ObjectAccessTests(fixture), IClassFixture<PostgresFixture>;
