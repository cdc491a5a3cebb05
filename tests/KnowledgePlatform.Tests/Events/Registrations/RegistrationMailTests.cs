using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>Which mails registrations queue in the mail ledger, and that each goes once; on each provider.</summary>
public abstract class RegistrationMailTests(RegistrationFixture fixture)
{
    private readonly RegistrationFactory app = Reset(fixture.App);

    private static RegistrationFactory Reset(RegistrationFactory app)
    {
        app.Clock.Set(RegistrationFactory.Start);
        return app;
    }

    [Fact]
    public async Task Confirmed_and_waitlisted_registrants_get_their_mail_with_the_personal_link_and_only_the_seat_an_invitation()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        var anna = await Registered(body, key, "anna");
        var bram = await Registered(body, key, "bram");

        var toAnna = Assert.Single(await MailsAsync(anna.Email));
        Assert.Equal(("registration.confirmation", $"registration.ics:{anna.Key}:0"), (toAnna.Kind, toAnna.DedupeKey));
        Assert.Contains($"/aanmelding/{anna.Token}", toAnna.Text, StringComparison.Ordinal);
        Assert.Contains("text/calendar; method=REQUEST", toAnna.Parts, StringComparison.Ordinal);
        var toBram = Assert.Single(await MailsAsync(bram.Email));
        Assert.Equal("registration.waitlisted", toBram.Kind);
        Assert.Contains("plaats 1", toBram.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("text/calendar", toBram.Parts ?? "", StringComparison.Ordinal);

        await app.CancelAsync(anna.Token);
        Assert.Equal(["registration.confirmation", "registration.cancellation"], (await MailsAsync(anna.Email)).Select(m => m.Kind));
        Assert.Contains("text/calendar; method=CANCEL", (await MailsAsync(anna.Email))[1].Parts, StringComparison.Ordinal);
        var offer = (await MailsAsync(bram.Email)).Last();
        Assert.Equal("registration.offer", offer.Kind);
        Assert.Contains("Plaats bevestigen", offer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Het_verslag_is_online_goes_once_to_each_registrant_even_when_the_report_is_republished()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        var anna = await Registered(body, key, "anna");
        var bram = await Registered(body, key, "bram");
        await app.CancelAsync(bram.Token); // cancelled people do not get the report mail

        var report = new MeetingReportContent { Title = "Verslag van de werkplaats", Slug = TestContent.UniqueSlug("verslag"), Event = key, Body = "<p>Zo ging het.</p>" };
        var reportKey = await app.PublishAsync(report);
        await app.ProcessOutboxAsync();
        await app.PublishAsync(report with { Body = "<p>Zo ging het, aangevuld.</p>" }, reportKey);
        await app.ProcessOutboxAsync();

        var mail = Assert.Single(await MailsAsync(anna.Email), m => m.Kind == "registration.report");
        Assert.Equal("Het verslag is online: " + body.Title, mail.Subject);
        Assert.Contains($"/verslagen/{report.Slug}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await MailsAsync(bram.Email), m => m.Kind == "registration.report");
    }

    [Fact]
    public async Task The_reminder_goes_once_the_day_before_with_the_online_link()
    {
        var start = RegistrationFactory.Start.AddDays(3);
        var body = RegistrationSteps.OpenEvent(capacity: 5, start) with { OnlineUrl = "https://meet.example.org/werkplaats" };
        var key = await app.PublishEventAsync(body);
        var anna = await Registered(body, key, "anna");

        app.Clock.Set(start.AddHours(-30));
        await app.RunJobsAsync();
        Assert.DoesNotContain(await MailsAsync(anna.Email), m => m.Kind == "registration.reminder");

        app.Clock.Set(start.AddHours(-20));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        var reminder = Assert.Single(await MailsAsync(anna.Email), m => m.Kind == "registration.reminder");
        Assert.Contains("https://meet.example.org/werkplaats", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_change_mails_an_update_and_a_cancelled_event_a_cancellation_each_once()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.ProcessOutboxAsync();
        var anna = await Registered(body, key, "anna");

        var moved = body with { Start = body.Start.AddDays(1), End = body.End!.Value.AddDays(1) };
        await app.PublishEventAsync(moved, key);
        await app.ProcessOutboxAsync();
        await app.PublishEventAsync(moved with { Cancelled = true }, key);
        await app.ProcessOutboxAsync();
        await app.ProcessOutboxAsync();

        var mails = await MailsAsync(anna.Email);
        Assert.Equal(["registration.confirmation", "registration.update", "registration.cancellation"], mails.Select(m => m.Kind));
        Assert.Equal([$"registration.ics:{anna.Key}:0", $"registration.ics:{anna.Key}:1", $"registration.ics:{anna.Key}:2"], mails.Select(m => m.DedupeKey));
        Assert.Contains("method=CANCEL", mails[2].Parts, StringComparison.Ordinal);
    }

    private async Task<EventRegistration> Registered(EventContent body, Guid key, string name)
    {
        await app.RegisterAsync(body.Slug, name, $"{name}-{Guid.NewGuid():N}@example.org");
        return (await app.RegistrationsAsync(key)).Last(r => r.Name == name);
    }

    private Task<List<MailLedgerEntry>> MailsAsync(string to) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MailLedgerEntry>().AsNoTracking().Where(m => m.ToAddress == to).OrderBy(m => m.Id).ToListAsync());
}

public sealed class RegistrationMailTests_Sqlite(RegistrationSqliteFixture fixture)
    : RegistrationMailTests(fixture), IClassFixture<RegistrationSqliteFixture>;

public sealed class RegistrationMailTests_Postgres(RegistrationPostgresFixture fixture)
    : RegistrationMailTests(fixture), IClassFixture<RegistrationPostgresFixture>;
