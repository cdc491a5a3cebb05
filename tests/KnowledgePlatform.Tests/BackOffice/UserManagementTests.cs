using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Invitations, deactivation, password changes, two-factor sign-in and the first administrator, on each provider.</summary>
public abstract class UserManagementTests(PlatformFixture fixture)
{
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_person_sets_a_password_once_through_the_link_and_signs_in()
    {
        var (admin, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Beheerder);
        var email = $"nieuw-{Guid.NewGuid():N}@example.nl";
        using var invited = await BackOfficeUsers.PostFormAsync(admin, "/beheer/gebruikers/uitnodigen",
            new() { ["Email"] = email, ["DisplayName"] = "Nieuwe Redacteur", ["Role"] = Roles.Redacteur });
        Assert.Contains("De uitnodiging is verstuurd", await invited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The invitation is in the mail ledger (Mail/), committed with the account; the link is in its text.
        var mailText = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<KnowledgePlatform.Web.Mail.MailLedgerEntry>()
            .Where(m => m.ToAddress == email && m.Kind == InvitationMail.Kind).Select(m => m.Text).SingleAsync(Ct));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mailText!, @"https?://\S+").Value);
        using var visitor = BackOfficeUsers.Client(app);

        using var weak = await BackOfficeUsers.PostFormAsync(visitor, link.PathAndQuery, new() { ["Password"] = "kort", ["Confirm"] = "kort" });
        Assert.Contains("minstens 12 tekens", await weak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var set = await BackOfficeUsers.PostFormAsync(visitor, link.PathAndQuery, new() { ["Password"] = BackOfficeUsers.Password, ["Confirm"] = BackOfficeUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        using var login = await BackOfficeUsers.LogInAsync(visitor, email, BackOfficeUsers.Password);
        Assert.Equal("/beheer", login.Headers.Location?.OriginalString);
        Assert.Contains("ongeldig, al gebruikt of verlopen", await visitor.GetStringAsync(link.PathAndQuery, Ct), StringComparison.Ordinal);
        Assert.True(await InRole(email, Roles.Redacteur));
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_at_once_and_blocks_signing_in()
    {
        var (admin, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Beheerder);
        var (editor, user) = await BackOfficeUsers.SignedInAsync(app, Roles.Redacteur);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/beheer", Ct)).StatusCode);

        using var saved = await BackOfficeUsers.PostFormAsync(admin, $"/beheer/gebruikers/bewerken/{user.Id}",
            new() { ["DisplayName"] = "Weg", ["Role"] = Roles.Redacteur, ["Active"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/beheer", Ct)).StatusCode);
        using var again = await BackOfficeUsers.LogInAsync(BackOfficeUsers.Client(app), user.Email!, BackOfficeUsers.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, with the message
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_but_keeps_this_one()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Auteur);
        using var here = BackOfficeUsers.Client(app);
        using var elsewhere = BackOfficeUsers.Client(app);
        (await BackOfficeUsers.LogInAsync(here, user.Email!, BackOfficeUsers.Password)).Dispose();
        (await BackOfficeUsers.LogInAsync(elsewhere, user.Email!, BackOfficeUsers.Password)).Dispose();

        using var changed = await BackOfficeUsers.PostFormAsync(here, "/beheer/profiel",
            new() { ["Current"] = BackOfficeUsers.Password, ["NewPassword"] = "Zonnige-Middag-Utrecht-42" }, "/beheer/profiel?handler=ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/beheer", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/beheer", Ct)).StatusCode);
    }

    [Fact]
    public async Task With_two_factor_authentication_signing_in_needs_the_code_from_the_app()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Redacteur);
        using var client = BackOfficeUsers.Client(app);
        (await BackOfficeUsers.LogInAsync(client, user.Email!, BackOfficeUsers.Password)).Dispose();
        var setup = await client.GetStringAsync("/beheer/profiel/tweestaps", Ct);
        var key = Text(setup, "#authenticator-key");
        Assert.StartsWith("otpauth://totp/", new HtmlParser().ParseDocument(setup).QuerySelector("#authenticator-uri")!.GetAttribute("href"), StringComparison.Ordinal);
        using var enabled = await BackOfficeUsers.PostFormAsync(client, "/beheer/profiel/tweestaps", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("recovery-codes", await enabled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var fresh = BackOfficeUsers.Client(app);
        using var first = await BackOfficeUsers.LogInAsync(fresh, user.Email!, BackOfficeUsers.Password);
        Assert.StartsWith("/beheer/tweestaps", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/beheer", Ct)).StatusCode);
        using var wrong = await BackOfficeUsers.PostFormAsync(fresh, "/beheer/tweestaps", new() { ["Code"] = "000000" });
        Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var right = await BackOfficeUsers.PostFormAsync(fresh, "/beheer/tweestaps", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/beheer", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/beheer", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_a_while()
    {
        var user = await BackOfficeUsers.CreateAsync(app, Roles.Auteur);
        using var client = BackOfficeUsers.Client(app);
        for (var i = 0; i < 5; i++)
        {
            (await BackOfficeUsers.LogInAsync(client, user.Email!, $"Fout-Wachtwoord-{i}x")).Dispose();
        }

        using var correct = await BackOfficeUsers.LogInAsync(client, user.Email!, BackOfficeUsers.Password);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Contains("Te veel mislukte pogingen", await correct.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var lockoutEnd = await app.InScopeAsync(async sp =>
            await sp.GetRequiredService<UserManager<AppUser>>().GetLockoutEndDateAsync((await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id.ToString()))!));
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd < DateTimeOffset.UtcNow.AddHours(1), "the lockout must be temporary");
    }

    [Fact]
    public async Task The_first_administrator_is_created_from_the_command_line_with_a_password_from_standard_input_or_a_one_time_link()
    {
        var withPassword = $"eerste-{Guid.NewGuid():N}@example.nl";
        var (code, output) = await CreateAdmin(withPassword, BackOfficeUsers.Password + "\n");
        Assert.Equal(0, code);
        Assert.DoesNotContain(BackOfficeUsers.Password, output, StringComparison.Ordinal);
        using var login = await BackOfficeUsers.LogInAsync(BackOfficeUsers.Client(app), withPassword, BackOfficeUsers.Password);
        Assert.Equal("/beheer", login.Headers.Location?.OriginalString);
        Assert.True(await InRole(withPassword, Roles.Beheerder));

        var withLink = $"tweede-{Guid.NewGuid():N}@example.nl";
        (code, output) = await CreateAdmin(withLink, null);
        Assert.Equal(0, code);
        var link = new Uri(output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal)));
        Assert.Equal("/beheer/wachtwoord-instellen", link.AbsolutePath);
        using var visitor = BackOfficeUsers.Client(app);
        (await BackOfficeUsers.PostFormAsync(visitor, link.PathAndQuery, new() { ["Password"] = BackOfficeUsers.Password, ["Confirm"] = BackOfficeUsers.Password })).Dispose();
        using var second = await BackOfficeUsers.LogInAsync(visitor, withLink, BackOfficeUsers.Password);
        Assert.Equal("/beheer", second.Headers.Location?.OriginalString);

        (code, _) = await CreateAdmin(withLink, null);
        Assert.Equal(1, code);
    }

    private Task<(int Code, string Output)> CreateAdmin(string email, string? stdin) => app.InScopeAsync(async sp =>
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["email"] = email }).Build();
        var services = new OverrideConfiguration(sp, config);
        using var output = new StringWriter();
        var code = await UsersCommand.CreateAdminAsync(services, new StringReader(stdin ?? ""), stdin is not null, output, output);
        return (code, output.ToString());
    });

    private Task<bool> InRole(string email, string role) => app.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role);
    });

    private static string Text(string html, string selector) =>
        new HtmlParser().ParseDocument(html).QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"{selector} not found");

    /// <summary>The app's services, with the command line's configuration (--email) in front.</summary>
    private sealed class OverrideConfiguration(IServiceProvider inner, Microsoft.Extensions.Configuration.IConfiguration config) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(Microsoft.Extensions.Configuration.IConfiguration) ? config : inner.GetService(serviceType);
    }
}

public sealed class UserManagementTests_Sqlite(SqliteFixture fixture) : UserManagementTests(fixture), IClassFixture<SqliteFixture>;

public sealed class UserManagementTests_Postgres(PostgresFixture fixture) : UserManagementTests(fixture), IClassFixture<PostgresFixture>;
