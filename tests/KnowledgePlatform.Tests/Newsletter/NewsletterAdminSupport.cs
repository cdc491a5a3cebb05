using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>The real app with the demo content (themes, regions), an SMTP sink, and editors signed in through the real login.</summary>
public sealed class NewsletterAdminApp : IAsyncDisposable
{
    private NewsletterAdminApp(SmtpSink sink, TestDatabase database, MailPlatformFactory app)
    {
        (Sink, Database, App) = (sink, database, app);
    }

    public SmtpSink Sink { get; }
    public TestDatabase Database { get; }
    public MailPlatformFactory App { get; }

    public static async Task<NewsletterAdminApp> StartAsync(DatabaseProvider provider, Dictionary<string, string>? settings = null)
    {
        var sink = await SmtpSink.StartAsync();
        var database = await TestDatabase.CreateAsync(provider);
        var app = new MailPlatformFactory(database, sink.Port, settings, importDemo: true);
        _ = app.Server;
        return new NewsletterAdminApp(sink, database, app);
    }

    /// <summary>A browser-like client of a new user with this role, signed in through the login form.</summary>
    public async Task<(EditorBrowser Browser, string Email)> SignInAsync(string role = Roles.Redacteur)
    {
        var (client, user) = await BackOfficeUsers.SignedInAsync(App, role);
        return (new EditorBrowser(client), user.Email!);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>
/// An editor's browser without JavaScript: it keeps the page it is on and submits that page's
/// forms — so unsaved steps of a form (added sections, moved items) carry over, as in a browser.
/// </summary>
public sealed class EditorBrowser(HttpClient client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client => client;
    public string Url { get; private set; } = "";
    public string Html { get; private set; } = "";
    public HttpStatusCode Status { get; private set; }

    public IHtmlDocument Document => new HtmlParser().ParseDocument(Html);

    /// <summary>Opens a page, following redirects (as a browser would after a POST).</summary>
    public async Task<EditorBrowser> OpenAsync(string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await client.GetAsync(url, Ct);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } next)
            {
                url = next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString;
                continue;
            }

            (Url, Status, Html) = (url, response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
            return this;
        }

        throw new InvalidOperationException($"Too many redirects from {url}");
    }

    /// <summary>
    /// Submits the form of the current page that contains <paramref name="formSelector"/>'s match (null: the
    /// first post form in main) with these values over the page's own, to <paramref name="postTo"/> (null: the
    /// form's action or the page). A redirect is followed; otherwise the answer becomes the current page.
    /// </summary>
    public async Task<EditorBrowser> SubmitAsync(Dictionary<string, string> fields, string? postTo = null, string? formSelector = null)
    {
        var document = Document;
        var form = formSelector is null ? document.QuerySelector("main form[method=post]") : document.QuerySelector(formSelector)?.Closest("form");
        if (form is null)
        {
            throw new InvalidOperationException($"No form ({formSelector ?? "first"}) on {Url}: {Html[..Math.Min(Html.Length, 2000)]}");
        }

        var body = BackOfficeUsers.FormValues(form).Where(p => !fields.ContainsKey(p.Key)).Concat(fields).ToList();
        var target = postTo ?? (form.GetAttribute("action") is { Length: > 0 } action ? action : Url);
        using var response = await client.PostAsync(target, new FormUrlEncodedContent(body), Ct);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } next)
        {
            return await OpenAsync(next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString);
        }

        (Url, Status, Html) = (target, response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        return this;
    }

    /// <summary>The visible text of the page's main element, whitespace collapsed.</summary>
    public string Text => string.Join(' ', (Document.QuerySelector("main")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
