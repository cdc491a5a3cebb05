using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Back-office users for tests: created through Identity, signed in through the real login form.</summary>
public static class BackOfficeUsers
{
    public const string Password = "Correct-Paard-Batterij-7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client as a browser would be: cookies kept, no redirects followed, over https (the cookie is Secure).</summary>
    public static HttpClient Client(PlatformFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    public static async Task<AppUser> CreateAsync(PlatformFactory app, string role, string? email = null, string password = Password) =>
        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.nl",
                Email = email ?? null,
                DisplayName = role,
                EmailConfirmed = true,
            };
            user.Email ??= user.UserName;
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            return user;
        });

    /// <summary>A signed-in client for a new user with this role.</summary>
    public static async Task<(HttpClient Client, AppUser User)> SignedInAsync(PlatformFactory app, string role)
    {
        var user = await CreateAsync(app, role);
        var client = Client(app);
        using var response = await LogInAsync(client, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beheer", response.Headers.Location?.OriginalString);
        return (client, user);
    }

    public static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        PostFormAsync(client, "/beheer/inloggen" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            new() { ["Email"] = email, ["Password"] = password });

    /// <summary>GETs the page, takes the antiforgery token from its form (the first, or the one posting to <paramref name="formAction"/>), posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formAction = null)
    {
        var html = await client.GetStringAsync(url, Ct);
        var document = new HtmlParser().ParseDocument(html);
        var forms = document.QuerySelectorAll("main form[method=post]");
        var form = formAction is null ? forms[0] : forms.First(f => f.GetAttribute("action") == formAction);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token in the form on {url}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        // Hidden fields the form carries (return address, version token) unless the test sets them.
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            var name = hidden.GetAttribute("name");
            if (name is not null && !body.ContainsKey(name))
            {
                body[name] = hidden.GetAttribute("value") ?? "";
            }
        }

        var target = form.GetAttribute("action") is { Length: > 0 } action ? action : url;
        return await client.PostAsync(target, new FormUrlEncodedContent(body), Ct);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
