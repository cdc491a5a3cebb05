using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>The form on the event page, the personal link and the JSON API, over HTTP, on each provider.</summary>
public abstract class RegistrationWebTests(RegistrationFixture fixture)
{
    private readonly RegistrationFactory app = Reset(fixture.App);
    private readonly HttpClient client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RegistrationFactory Reset(RegistrationFactory app)
    {
        app.Clock.Set(RegistrationFactory.Start);
        return app;
    }

    [Fact]
    public async Task Api_answers_201_confirmed_then_waitlisted_with_position()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        await app.PublishEventAsync(body);

        var first = await client.PostAsJsonAsync($"/api/v1/events/{body.Slug}/registrations", new { name = "Anna", email = "anna@example.org" }, Ct);
        var second = await client.PostAsJsonAsync($"/api/v1/events/{body.Slug}/registrations",
            new { name = "Bram", email = "bram@example.org", answers = new { organisation = "Gemeente Utrecht" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("confirmed", (await Json(first)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var waitlisted = await Json(second);
        Assert.Equal("waitlisted", waitlisted.GetProperty("status").GetString());
        Assert.Equal(1, waitlisted.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task Api_answers_409_when_closed_400_problem_details_for_bad_input_and_404_for_unknown_events()
    {
        var closed = RegistrationSteps.OpenEvent(capacity: 5) with { Cancelled = true };
        await app.PublishEventAsync(closed);
        var open = RegistrationSteps.OpenEvent(capacity: 5);
        await app.PublishEventAsync(open);

        var conflict = await client.PostAsJsonAsync($"/api/v1/events/{closed.Slug}/registrations", new { name = "Anna", email = "anna@example.org" }, Ct);
        var invalid = await client.PostAsJsonAsync($"/api/v1/events/{open.Slug}/registrations", new { name = "", email = "geen adres" }, Ct);
        var garbage = await client.PostAsync($"/api/v1/events/{open.Slug}/registrations", new StringContent("{nope", System.Text.Encoding.UTF8, "application/json"), Ct);
        var unknown = await client.PostAsJsonAsync("/api/v1/events/bestaat-niet/registrations", new { name = "Anna", email = "anna@example.org" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(invalid)).GetProperty("errors");
        Assert.Equal("Vul je naam in.", errors.GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_form_on_the_event_page_registers_without_javascript_and_shows_dutch_messages()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 2);
        var key = await app.PublishEventAsync(body);

        var page = await client.GetStringAsync($"/agenda/{body.Slug}", Ct);
        var form = new HtmlParser().ParseDocument(page).QuerySelector($"form[action='/agenda/{body.Slug}/aanmelden']");
        Assert.NotNull(form);
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.NotNull(form.QuerySelector("input[name='Organisation']"));
        Assert.Null(form.QuerySelector("input[name='Role']")); // not asked for this event
        Assert.Contains("Nog 2 plaatsen vrij.", page, StringComparison.Ordinal);

        var wrong = await PostFormAsync(form, new() { ["Name"] = "Anna", ["Email"] = "anna@" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var ok = await PostFormAsync(form, new() { ["Name"] = "Anna", ["Email"] = "anna@example.org", ["Organisation"] = "Gemeente Delft" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal($"/agenda/{body.Slug}/aanmelden/ontvangen?status=aangemeld", ok.Headers.Location?.OriginalString);
        var stored = await app.RegistrationAsync(key, "anna@example.org");
        Assert.Equal("Gemeente Delft", RegistrationAnswers.FromJson(stored.Answers).Organisation);

        // The page is rendered per request (live counts, a token per visitor), never from the output cache.
        Assert.Contains("Nog 1 plaats vrij.", await client.GetStringAsync($"/agenda/{body.Slug}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ook_de_nieuwsbrief_ontvangen_goes_through_the_newsletter_double_opt_in()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        await app.PublishEventAsync(body);
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync($"/agenda/{body.Slug}", Ct)).QuerySelector("form.kp-registration-form")!;
        var email = $"nieuwsbrief-{Guid.NewGuid():N}@example.org";

        var ok = await PostFormAsync(form, new() { ["Name"] = "Cor", ["Email"] = email, ["Newsletter"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (subscriber, confirmation) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KnowledgePlatform.Web.Data.KnowledgeDbContext>();
            var s = await db.Set<KnowledgePlatform.Web.Newsletter.Subscriber>().AsNoTracking().SingleOrDefaultAsync(x => x.Email == email, Ct);
            var m = await db.Set<KnowledgePlatform.Web.Mail.MailLedgerEntry>().AsNoTracking()
                .CountAsync(x => x.ToAddress == email && x.Kind == KnowledgePlatform.Web.Newsletter.NewsletterMails.ConfirmationKind, Ct);
            return (s, m);
        });
        Assert.NotNull(subscriber);
        Assert.Equal(KnowledgePlatform.Web.Newsletter.SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal(1, confirmation);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_with_the_honeypot_filled_registers_nobody()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 2);
        var key = await app.PublishEventAsync(body);

        var forged = await client.PostAsync($"/agenda/{body.Slug}/aanmelden",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Anna", ["Email"] = "anna@example.org" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var form = new HtmlParser().ParseDocument(await client.GetStringAsync($"/agenda/{body.Slug}", Ct)).QuerySelector("form.kp-registration-form")!;
        var bot = await PostFormAsync(form, new() { ["Name"] = "Bot", ["Email"] = "bot@example.org", ["Website"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Empty(await app.RegistrationsAsync(key));
    }

    [Fact]
    public async Task The_personal_link_shows_the_registration_and_cancels_it()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "anna@example.org");
        await app.RegisterAsync(body.Slug, "Bram", "bram@example.org");
        var anna = await app.RegistrationAsync(key, "anna@example.org");

        var response = await client.GetAsync($"/aanmelding/{anna.Token}", Ct);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Aangemeld", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var cancel = page.QuerySelector("form[action*='handler=Cancel']")!;
        var done = await PostFormAsync(cancel, []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(RegistrationStatus.Cancelled, (await app.RegistrationAsync(key, "anna@example.org")).Status);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationAsync(key, "bram@example.org")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/aanmelding/geen-geldige-link-maar-wel-lang-genoeg", Ct)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostFormAsync(AngleSharp.Dom.IElement form, Dictionary<string, string> values)
    {
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
}

public sealed class RegistrationWebTests_Sqlite(RegistrationSqliteFixture fixture)
    : RegistrationWebTests(fixture), IClassFixture<RegistrationSqliteFixture>;

public sealed class RegistrationWebTests_Postgres(RegistrationPostgresFixture fixture)
    : RegistrationWebTests(fixture), IClassFixture<RegistrationPostgresFixture>;
