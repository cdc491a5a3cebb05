using System.Net;
using System.Text;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>The editors' screens at /beheer/aanmeldingen, signed in through the real login, on each provider.</summary>
public abstract class RegistrationAdminTests(RegistrationFixture fixture)
{
    private readonly RegistrationFactory app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_exports_formula_safe_csv_and_marks_attendance_which_is_audited()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "=HYPERLINK(\"http://evil\")", "anna@example.org", new RegistrationAnswers { Organisation = "@Gemeente" });
        var (client, editor) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);

        var list = await client.GetStringAsync("/beheer/aanmeldingen", Ct);
        Assert.Contains(body.Title, list, StringComparison.Ordinal);
        var csv = await client.GetAsync($"/beheer/aanmeldingen/bijeenkomst/{key}?handler=Csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\";anna@example.org;Aangemeld;", text, StringComparison.Ordinal);
        Assert.Contains(";'@Gemeente;", text, StringComparison.Ordinal);

        var registration = await app.RegistrationAsync(key, "anna@example.org");
        var page = $"/beheer/aanmeldingen/bijeenkomst/{key}";
        var response = await BackOfficeUsers.PostFormAsync(client, page,
            new() { ["id"] = registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["change"] = "Attended" },
            formAction: $"{page}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Attended, (await app.RegistrationAsync(key, "anna@example.org")).Status);
        var audit = await app.InScopeAsync(sp => Infrastructure.PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking()
            .SingleAsync(a => a.Action == "registration.status" && a.TargetId == registration.Key.ToString("D"), Ct));
        Assert.Equal(editor.Email, audit.Actor);
    }

    [Fact]
    public async Task An_author_may_not_see_registrations()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/beheer/aanmeldingen", Ct)).StatusCode);
    }
}

public sealed class RegistrationAdminTests_Sqlite(RegistrationSqliteFixture fixture)
    : RegistrationAdminTests(fixture), IClassFixture<RegistrationSqliteFixture>;

public sealed class RegistrationAdminTests_Postgres(RegistrationPostgresFixture fixture)
    : RegistrationAdminTests(fixture), IClassFixture<RegistrationPostgresFixture>;
