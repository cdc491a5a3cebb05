using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Slug changes redirect automatically; manual redirects answer 301; loops and chains are refused; on each provider.</summary>
public abstract class RedirectsTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_the_slug_of_a_published_event_redirects_the_old_address()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var editor = new EditorSession(client);
        var slug = TestContent.UniqueSlug("oude-slug");
        var key = await editor.CreateEventAsync(new(EditorSession.Event("Slug wijzigen")) { ["Form.Slug"] = slug }, "Publish");
        using var renamed = await editor.PressAsync($"/beheer/inhoud/bewerken/{key}", new() { ["Form.Slug"] = slug + "-nieuw" }, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        using var old = await client.GetAsync($"/agenda/{slug}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith($"/agenda/{slug}-nieuw", old.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_redirect_answers_301_and_loops_and_chains_are_refused()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var from = "/" + TestContent.UniqueSlug("oude-pagina");
        using var saved = await BackOfficeUsers.PostFormAsync(client, "/beheer/doorverwijzingen", new() { ["From"] = from, ["To"] = "/agenda" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var visitor = app.CreateClient(new() { AllowAutoRedirect = false });
        using var followed = await visitor.GetAsync(from, Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, followed.StatusCode);
        Assert.Equal("/agenda", followed.Headers.Location?.OriginalString);

        await Refused(client, new() { ["From"] = "/zelfde-pagina", ["To"] = "/zelfde-pagina" }, "lus");
        await Refused(client, new() { ["From"] = "/" + TestContent.UniqueSlug("nog-ouder"), ["To"] = from }, "geen ketens");
        await Refused(client, new() { ["From"] = "/agenda", ["To"] = "/dossiers" }, "keten");
        await Refused(client, new() { ["From"] = "/beheer/inhoud", ["To"] = "/agenda" }, "beheer");
        Assert.Equal(1, await app.InScopeAsync(sp => PlatformFactory.Db(sp).AuditEntries.CountAsync(a => a.Action == "redirect.create" && a.After!.Contains(from), Ct)));
    }

    [Fact]
    public async Task An_author_cannot_manage_redirects()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/beheer/doorverwijzingen", Ct)).StatusCode);
    }

    private static async Task Refused(HttpClient client, Dictionary<string, string> fields, string expected)
    {
        using var response = await BackOfficeUsers.PostFormAsync(client, "/beheer/doorverwijzingen", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, EditorSession.Errors(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }
}

public sealed class RedirectsTests_Sqlite(SqliteFixture fixture) : RedirectsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RedirectsTests_Postgres(PostgresFixture fixture) : RedirectsTests(fixture), IClassFixture<PostgresFixture>;
