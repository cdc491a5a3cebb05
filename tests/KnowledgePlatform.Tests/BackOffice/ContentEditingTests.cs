using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Editors at work in the back-office over HTTP (forms as without JavaScript), on each provider.</summary>
public abstract class ContentEditingTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_creates_an_event_with_a_programme_item_and_a_new_speaker_previews_and_publishes_it()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var editor = new EditorSession(client);
        var title = $"Wijkteams in gesprek {Guid.NewGuid():N}"[..40];
        var fields = EditorSession.Event(title);
        fields["Form.Programme[0].Title"] = "Opening door de wethouder";
        fields["Form.Programme[0].StartTime"] = "14:00";
        fields["Form.NewSpeakerName"] = "Fenna Zeldenrust";
        fields["Form.NewSpeakerRole"] = "wethouder";

        var key = await editor.CreateEventAsync(fields);
        var preview = await client.GetAsync($"/beheer/inhoud/voorbeeld/{key}", Ct);
        var previewHtml = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("no-store", preview.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains(title, previewHtml, StringComparison.Ordinal);
        Assert.Contains("Fenna Zeldenrust", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", previewHtml, StringComparison.Ordinal);
        using var anonymous = BackOfficeUsers.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/beheer/inhoud/voorbeeld/{key}", Ct)).StatusCode);

        using var published = await editor.PressAsync($"/beheer/inhoud/bewerken/{key}", [], "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var item = await Item(key);
        Assert.Equal(ContentStatus.Published, item.Status);
        var page = await client.GetStringAsync($"/agenda/{item.LiveSlug}", Ct);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("Opening door de wethouder", page, StringComparison.Ordinal);
        Assert.Contains("Fenna Zeldenrust", page, StringComparison.Ordinal);
        await Eventually.AssertAsync(async () =>
            Assert.Contains(title, await client.GetStringAsync("/agenda", Ct), StringComparison.Ordinal));
        await Eventually.AssertAsync(async () =>
            Assert.Contains(title, await client.GetStringAsync("/zoeken?q=" + Uri.EscapeDataString("wijkteams gesprek"), Ct), StringComparison.Ordinal));
        var actions = await Audit(key);
        Assert.Contains("content.create", actions);
        Assert.Contains("content.publish", actions);
    }

    [Fact]
    public async Task An_author_can_submit_for_review_but_cannot_publish()
    {
        var (client, author) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var editor = new EditorSession(client);
        var title = $"Concept van auteur {Guid.NewGuid():N}"[..36];

        using var refused = await editor.PressAsync("/beheer/inhoud/bewerken?type=Event", EditorSession.Event(title), "Publish");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.AnyAsync(v => v.Title == title, Ct)));

        var key = await editor.CreateEventAsync(EditorSession.Event(title), "Submit");
        Assert.Equal(ContentStatus.Draft, (await Item(key)).Status);
        using var refusedAgain = await editor.PressAsync($"/beheer/inhoud/bewerken/{key}", [], "Publish");
        Assert.Equal(HttpStatusCode.Forbidden, refusedAgain.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await Item(key)).Status);
        Assert.DoesNotContain("?handler=Publish", await client.GetStringAsync($"/beheer/inhoud/bewerken/{key}", Ct), StringComparison.Ordinal);

        var (redacteur, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var dashboard = await redacteur.GetStringAsync("/beheer", Ct);
        Assert.Contains(title, dashboard, StringComparison.Ordinal);
        Assert.Contains(author.Email!, dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_form_is_refused_with_a_clear_message_and_nothing_is_lost()
    {
        var (first, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var (second, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var key = await new EditorSession(first).CreateEventAsync(EditorSession.Event("Gelijktijdig bewerkt"));
        var url = $"/beheer/inhoud/bewerken/{key}";
        var secondForm = await second.GetStringAsync(url, Ct); // the second editor opens the form at version 1
        Assert.Contains("value=\"1\"", secondForm, StringComparison.Ordinal);

        using var firstSave = await new EditorSession(first).PressAsync(url, new() { ["Form.Title"] = "Titel van de eerste" });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var secondSave = await BackOfficeUsers.PostFormAsync(second, url, new() { ["Form.Title"] = "Titel van de tweede", ["Form.LoadedVersion"] = "1" });

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Uw wijzigingen zijn NIET opgeslagen", await secondSave.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var titles = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.Where(v => v.ContentKey == key).OrderBy(v => v.Number).Select(v => v.Title).ToListAsync(Ct));
        Assert.Equal(["Gelijktijdig bewerkt", "Titel van de eerste"], titles);
    }

    [Fact]
    public async Task Missing_fields_get_Dutch_messages_beside_them()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        using var response = await new EditorSession(client).PressAsync("/beheer/inhoud/bewerken?type=Event", new() { ["Form.Title"] = "Zonder datum" });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vul de datum van de bijeenkomst in.", EditorSession.Errors(html), StringComparison.Ordinal);

        using var noTitle = await new EditorSession(client).PressAsync("/beheer/inhoud/bewerken?type=DossierArticle", new() { ["Form.Title"] = "" });
        Assert.Contains("Vul een titel in.", EditorSession.Errors(await noTitle.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_items_are_added_moved_and_removed_without_JavaScript()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var editor = new EditorSession(client);
        var fields = EditorSession.Event("Programma zonder script");
        fields["Form.Programme[0].Title"] = "Eerste";
        using var added = await editor.PressAsync("/beheer/inhoud/bewerken?type=Event", new(fields) { ["step"] = "add" }, "Programme");
        var html = await added.Content.ReadAsStringAsync(Ct);
        Assert.Contains("name=\"Form.Programme[1].Title\"", html, StringComparison.Ordinal);

        fields["Form.Programme[1].Title"] = "Tweede";
        fields["step"] = "up:1";
        using var moved = await editor.PressAsync("/beheer/inhoud/bewerken?type=Event", fields, "Programme");
        var movedHtml = await moved.Content.ReadAsStringAsync(Ct);
        Assert.True(movedHtml.IndexOf("value=\"Tweede\"", StringComparison.Ordinal) < movedHtml.IndexOf("value=\"Eerste\"", StringComparison.Ordinal));

        fields.Remove("step");
        var key = await editor.CreateEventAsync(fields);
        var body = await Body(key);
        Assert.Equal(["Eerste", "Tweede"], ((EventContent)body).Programme.Select(p => p.Title));
    }

    [Fact]
    public async Task Every_editable_type_can_be_created_through_its_form()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var editor = new EditorSession(client);
        var eventKey = await editor.CreateEventAsync(EditorSession.Event("Bijeenkomst met verslag"));
        foreach (var (type, extra) in new (string, Dictionary<string, string>)[]
        {
            ("Workshop", new() { ["Form.StartDate"] = "2031-06-01", ["Form.MaxParticipants"] = "20" }),
            ("MeetingReport", new() { ["Form.Event"] = eventKey.ToString(), ["Form.Outcomes"] = "Eerste les\nTweede les" }),
            ("DossierArticle", new() { ["Form.Lead"] = "Inleiding" }),
            ("Dossier", new() { ["Form.Items"] = eventKey.ToString() }),
        })
        {
            var title = $"Nieuw {type} {Guid.NewGuid():N}"[..30];
            using var response = await editor.PressAsync($"/beheer/inhoud/bewerken?type={type}", new(extra) { ["Form.Title"] = title });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{type}: {EditorSession.Errors(await response.Content.ReadAsStringAsync(Ct))}");
            var body = await Body(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
            Assert.Equal(type, body.Type.ToString());
        }
    }

    private Task<ContentItem> Item(Guid key) => app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct));

    private Task<ContentBody> Body(Guid key) => app.InScopeAsync(async sp =>
        ContentJson.DeserializeBody(await PlatformFactory.Db(sp).ContentVersions.Where(v => v.ContentKey == key).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync(Ct)));

    private Task<List<string>> Audit(Guid key) => app.InScopeAsync(sp =>
        PlatformFactory.Db(sp).AuditEntries.Where(a => a.TargetId == key.ToString()).Select(a => a.Action).ToListAsync(Ct));
}

public sealed class ContentEditingTests_Sqlite(SqliteFixture fixture) : ContentEditingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentEditingTests_Postgres(PostgresFixture fixture) : ContentEditingTests(fixture), IClassFixture<PostgresFixture>;
