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
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formAction = null, string? postTo = null)
    {
        var (action, body) = await FormAsync(client, url, fields, formAction);
        return await client.PostAsync(postTo ?? action, new FormUrlEncodedContent(body), Ct);
    }

    /// <summary>
    /// What a browser would post from the form on <paramref name="url"/> (the first, or the one posting to
    /// <paramref name="formAction"/>): every named field as it is on the page, with the test's values instead where given.
    /// </summary>
    public static async Task<(string Action, List<KeyValuePair<string, string>> Body)> FormAsync(HttpClient client, string url,
        Dictionary<string, string> fields, string? formAction = null)
    {
        var html = await client.GetStringAsync(url, Ct);
        var document = new HtmlParser().ParseDocument(html);
        var forms = document.QuerySelectorAll("main form[method=post]");
        var form = formAction is null ? forms[0] : forms.First(f => f.GetAttribute("action") == formAction);
        _ = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token in the form on {url}");
        var body = FormValues(form).Where(p => !fields.ContainsKey(p.Key)).Concat(fields).ToList();
        return (form.GetAttribute("action") is { Length: > 0 } action ? action : url, body);
    }

    public static IEnumerable<KeyValuePair<string, string>> FormValues(AngleSharp.Dom.IElement form)
    {
        foreach (var field in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = field.GetAttribute("name")!;
            var type = field.GetAttribute("type") ?? "";
            if (field.LocalName == "select")
            {
                foreach (var option in field.QuerySelectorAll("option[selected]"))
                {
                    yield return new(name, option.GetAttribute("value") ?? option.TextContent);
                }
            }
            else if (field.LocalName == "textarea")
            {
                yield return new(name, field.TextContent);
            }
            else if (type is "checkbox" or "radio")
            {
                if (field.HasAttribute("checked"))
                {
                    yield return new(name, field.GetAttribute("value") ?? "on");
                }
            }
            else if (type is not ("submit" or "button" or "image" or "file"))
            {
                yield return new(name, field.GetAttribute("value") ?? "");
            }
        }
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
