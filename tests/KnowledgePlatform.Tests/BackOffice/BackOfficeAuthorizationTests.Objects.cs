using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>
/// The per-object half: every route that takes an id is tried by one author against another author's item and
/// media, with every handler it has. Changes must be refused (403 or 404); only the views listed here may answer,
/// and then without offering a change. A new route with an id fails this test until it is thought about.
/// </summary>
public sealed partial class BackOfficeAuthorizationTests
{
    /// <summary>Views any back-office user may open for any object (read-only): the rule in Areas/Admin/README.md.</summary>
    private static readonly string[] ReadOnlyViews =
    [
        "beheer/inhoud/bewerken/{key:guid?}", "beheer/inhoud/versies/{key:guid}", "beheer/inhoud/voorbeeld/{key:guid}",
        "beheer/media/bewerken/{id:guid}", "beheer/api/media/{id:guid}",
        "beheer/nieuwsbrief/bewerken/{key:guid?}", "beheer/nieuwsbrief/voorbeeld/{key:guid}", "beheer/nieuwsbrief/voorbeeld/{key:guid}?handler=Html",
    ];

    private const string NotAnObject = "(geen-object)";

    [Fact]
    public async Task An_author_is_refused_every_change_to_another_authors_item_or_media_on_every_route_that_takes_an_id()
    {
        var (authorA, userA) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var itemA = await new EditorSession(authorA).CreateEventAsync(EditorSession.Event("Concept van auteur A"));
        var mediaA = await app.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Pdf), "van-auteur-a.pdf", "Document van A", null, userA.Email!), Ct));
        var issueA = (await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null,
            new NewsletterIssueContent { Title = "Nieuwsbrief van auteur A", Slug = $"nieuwsbrief-a-{Guid.NewGuid():N}", Sections = [new NewsletterSection { Title = "Nieuws", Items = [itemA] }] },
            userA.Email!), Ct))).Key;
        var subscriber = (await Newsletter.NewsletterTestSupport.AddActiveSubscribersAsync(app, 1, $"objecten{Guid.NewGuid():N}")).Single();
        var (authorB, userB) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var token = await TokenAsync(authorB);

        string IdOf(BackOfficeRoutes.Request request, string parameter) => (parameter, request.Route) switch
        {
            ("kind", "beheer/api/kiezen/{kind}") => NotAnObject,
            ("key", var r) when r.StartsWith("beheer/nieuwsbrief", StringComparison.Ordinal) => issueA.ToString(),
            ("key", _) => itemA.ToString(),
            ("id", var r) when r.StartsWith("beheer/nieuwsbrief/abonnees", StringComparison.Ordinal) => subscriber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("id", var r) when r.StartsWith("beheer/media", StringComparison.Ordinal) || r.StartsWith("beheer/api/media", StringComparison.Ordinal) => mediaA.Id.ToString(),
            ("id", var r) when r.StartsWith("beheer/gebruikers", StringComparison.Ordinal) => userA.Id.ToString(),
            _ => throw new InvalidOperationException($"{request.Route}: this test has no object of author A for '{parameter}'. Add one, so the route is checked."),
        };

        var failures = new List<string>();
        var tried = 0;
        foreach (var request in (await BackOfficeRoutes.RequestsAsync(app)).Where(r => r.Route.Contains('{', StringComparison.Ordinal)))
        {
            var url = BackOfficeRoutes.Url(request, p => IdOf(request, p));
            if (url.Contains(NotAnObject, StringComparison.Ordinal))
            {
                continue; // a route parameter that names no object (the picker's list kind): nothing of A's to reach
            }

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            if (request.Method != "GET")
            {
                // What a takeover would send: a new title, alt text, a version to restore, a row to add.
                message.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Form.Type"] = "Event", ["Form.Title"] = "Overgenomen door B", ["Form.StartDate"] = "2031-01-01",
                    ["AltText"] = "Overgenomen door B", ["version"] = "1", ["step"] = "add",
                });
            }

            using var response = await authorB.SendAsync(message, Ct);
            tried++;
            var status = (int)response.StatusCode;
            if (status is 403 or 404)
            {
                continue;
            }

            var readOnlyView = request.Method == "GET" && ReadOnlyViews.Contains(request.Handler is null ? request.Route : $"{request.Route}?handler={request.Handler}");
            if (readOnlyView && status == 200 && !OffersChanges(await response.Content.ReadAsStringAsync(Ct)))
            {
                continue;
            }

            failures.Add($"{request.Method} {url} answered {status} to another author" + (readOnlyView ? " (and offers a change)" : ""));
        }

        Assert.True(tried >= 15, $"only {tried} requests with an id were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var versions = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.Where(v => v.ContentKey == itemA).Select(v => v.Title).ToListAsync(Ct));
        Assert.Equal(["Concept van auteur A"], versions);
        var issueVersions = await app.InScopeAsync(sp => PlatformFactory.Db(sp).ContentVersions.Where(v => v.ContentKey == issueA).Select(v => v.Title).ToListAsync(Ct));
        Assert.Equal(["Nieuwsbrief van auteur A"], issueVersions);
        var media = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MediaItem>().AsNoTracking().SingleAsync(m => m.Id == mediaA.Id, Ct));
        Assert.Equal("Document van A", media.AltText);
        Assert.False(await app.InScopeAsync(sp => PlatformFactory.Db(sp).AuditEntries.AnyAsync(a => a.Actor == userB.Email && a.Action != "user.login", Ct)));
    }

    [Fact]
    public async Task No_back_office_route_can_change_the_audit_trail()
    {
        var audit = (await BackOfficeRoutes.RequestsAsync(app))
            .Where(r => r.Route.Contains("logboek", StringComparison.OrdinalIgnoreCase) || r.Route.Contains("audit", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(audit);
        Assert.All(audit, r => Assert.True(r.Method == "GET", $"{r.Method} {r.Route}?handler={r.Handler} could change the audit trail"));
    }

    // A form that posts back into the back-office (other than signing out) is an offer to change something.
    private static bool OffersChanges(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("form").Any(f =>
            string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)
            && (f.GetAttribute("action") is not { Length: > 0 } action || (action.StartsWith("/beheer", StringComparison.Ordinal) && action != "/beheer/uitloggen")));

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/beheer/inhoud/bewerken?type=Event", Ct);
        return new HtmlParser().ParseDocument(html).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
