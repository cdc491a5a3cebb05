using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Signing in and out of the back-office on each provider: cookies, audit, server-side session end.</summary>
public abstract class AccountsTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_signs_in_with_a_secure_http_only_cookie_limited_to_the_back_office()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Redacteur);
        using var client = BackOfficeUsers.Client(app);

        using var response = await BackOfficeUsers.LogInAsync(client, user.Email!, BackOfficeUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/beheer", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/beheer", Ct)).StatusCode);
        Assert.Contains(await Audit(user.Id), a => a.Action == "user.login");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_one_Dutch_message_and_recorded()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Auteur);
        using var client = BackOfficeUsers.Client(app);

        using var response = await BackOfficeUsers.LogInAsync(client, user.Email!, "Verkeerd-Wachtwoord-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(await Audit(user.Id), a => a.Action == "user.login-failed");
        using var unknown = await BackOfficeUsers.LogInAsync(client, "niemand@example.nl", "Verkeerd-Wachtwoord-1");
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Redacteur);
        using var client = BackOfficeUsers.Client(app);
        using var login = await BackOfficeUsers.LogInAsync(client, user.Email!, BackOfficeUsers.Password);
        var copied = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied)).StatusCode);

        using var logout = await BackOfficeUsers.PostFormAsync(client, "/beheer/uitloggen", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookie(copied)).StatusCode);
        Assert.Contains(await Audit(user.Id), a => a.Action == "user.logout");
    }

    [Theory]
    [InlineData("/beheer/inhoud", "/beheer/inhoud")]
    [InlineData("https://evil.example/beheer", "/beheer")]
    [InlineData("//evil.example/beheer", "/beheer")]
    [InlineData("/\\evil.example", "/beheer")]
    [InlineData("/agenda", "/beheer")]
    public async Task After_signing_in_only_a_local_back_office_return_address_is_followed(string returnUrl, string expected)
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Redacteur);
        using var client = BackOfficeUsers.Client(app);
        using var response = await BackOfficeUsers.LogInAsync(client, user.Email!, BackOfficeUsers.Password, returnUrl);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Redacteur);
        using var client = BackOfficeUsers.Client(app);
        using var response = await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = BackOfficeUsers.Password,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> WithCookie(string cookie)
    {
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/beheer");
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request, Ct);
    }

    private Task<List<AuditEntry>> Audit(Guid userId) => app.InScopeAsync(sp =>
        PlatformFactory.Db(sp).AuditEntries.AsNoTracking().Where(a => a.TargetId == userId.ToString()).ToListAsync(Ct));
}

public sealed class AccountsTests_Sqlite(SqliteFixture fixture) : AccountsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AccountsTests_Postgres(PostgresFixture fixture) : AccountsTests(fixture), IClassFixture<PostgresFixture>;
