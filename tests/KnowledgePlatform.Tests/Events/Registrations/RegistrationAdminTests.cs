using System.Net;
using System.Text;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
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
    public async Task A_message_to_all_reaches_the_registered_and_waiting_once_even_when_the_form_is_posted_twice()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "anna-msg@example.org");
        await app.RegisterAsync(body.Slug, "Bram", "bram-msg@example.org");
        await app.RegisterAsync(body.Slug, "Cor", "cor-msg@example.org");
        await app.CancelAsync((await app.RegistrationAsync(key, "cor-msg@example.org")).Token);
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var page = $"/beheer/aanmeldingen/bijeenkomst/{key}";

        // One form, posted twice with the same hidden MessageId (a double click, a reload of the post).
        var (_, form) = await BackOfficeUsers.FormAsync(client, page,
            new() { ["Subject"] = "Zaalwijziging", ["Text"] = "We zitten in zaal 2." }, formAction: $"{page}?handler=Message");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{page}?handler=Message", new FormUrlEncodedContent(form), Ct)).StatusCode);
        var again = await client.PostAsync($"{page}?handler=Message", new FormUrlEncodedContent(form), Ct);
        Assert.Contains("al verstuurd", await client.GetStringAsync(again.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);

        async Task<string[]> Subjects(string email) => await app.InScopeAsync(sp => Infrastructure.PlatformFactory.Db(sp).Set<MailLedgerEntry>()
            .AsNoTracking().Where(m => m.ToAddress == email && m.Kind == "registration.message").Select(m => m.Subject ?? "").ToArrayAsync(Ct));
        Assert.Equal(["Zaalwijziging"], await Subjects("anna-msg@example.org"));
        Assert.Equal(["Zaalwijziging"], await Subjects("bram-msg@example.org")); // waiting
        Assert.Empty(await Subjects("cor-msg@example.org")); // cancelled
    }

    [Fact]
    public async Task A_message_without_subject_gets_a_dutch_message_and_the_daily_limit_per_event_holds()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "anna-limit@example.org");
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var page = $"/beheer/aanmeldingen/bijeenkomst/{key}";

        var empty = await BackOfficeUsers.PostFormAsync(client, page, new() { ["Subject"] = " ", ["Text"] = "Tekst" }, formAction: $"{page}?handler=Message");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vul een onderwerp in", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        for (var i = 0; i < 5; i++)
        {
            var sent = await BackOfficeUsers.PostFormAsync(client, page, new() { ["Subject"] = $"Bericht {i}", ["Text"] = "Tekst" }, formAction: $"{page}?handler=Message");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var sixth = await BackOfficeUsers.PostFormAsync(client, page, new() { ["Subject"] = "Nog een", ["Text"] = "Tekst" }, formAction: $"{page}?handler=Message");
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("vandaag al 5 berichten", await sixth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_finds_a_registration_by_name_and_confirms_it_from_the_waitlist_over_capacity()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna Zoekbaar", "anna-zoek@example.org");
        await app.RegisterAsync(body.Slug, "Bram Wachtend", "bram-zoek@example.org");
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        var page = $"/beheer/aanmeldingen/bijeenkomst/{key}";

        var found = await client.GetStringAsync($"{page}?q=wachtend", Ct);
        Assert.Contains("bram-zoek@example.org", found, StringComparison.Ordinal);
        Assert.DoesNotContain("anna-zoek@example.org", found, StringComparison.Ordinal);

        var bram = await app.RegistrationAsync(key, "bram-zoek@example.org");
        Assert.Equal(RegistrationStatus.Waitlisted, bram.Status);
        var response = await BackOfficeUsers.PostFormAsync(client, page,
            new() { ["id"] = bram.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["change"] = "Confirm" },
            formAction: $"{page}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationAsync(key, "bram-zoek@example.org")).Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationAsync(key, "anna-zoek@example.org")).Status);
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
