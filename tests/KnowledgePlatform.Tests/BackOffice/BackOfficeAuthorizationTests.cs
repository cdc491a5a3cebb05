using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>
/// Every route under /beheer, however it was registered (Razor page, minimal API, controller),
/// requires authorization: found by enumerating the app's endpoints, so a new one cannot slip through.
/// </summary>
public sealed partial class BackOfficeAuthorizationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private static readonly string[] OpenPages = ["beheer/inloggen", "beheer/tweestaps", "beheer/wachtwoord-instellen"];
    private readonly PlatformFactory app = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_back_office_endpoint_requires_a_back_office_policy()
    {
        var endpoints = BackOfficeEndpoints();
        Assert.True(endpoints.Count >= 5, "the back-office endpoints were not found");
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (OpenPages.Contains(route))
            {
                Assert.True(open, $"{route} must be reachable without signing in");
                continue;
            }

            Assert.False(open, $"{route} allows anonymous access");
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Any(p => p is Policies.BackOffice or Policies.Publish or Policies.Administer),
                $"{route} has no back-office policy (found: {string.Join(", ", policies)})");
        }
    }

    [Fact]
    public async Task Anonymous_requests_to_every_back_office_route_are_sent_to_the_login_page_or_refused()
    {
        using var client = BackOfficeUsers.Client(app);
        foreach (var endpoint in BackOfficeEndpoints().Where(e => !OpenPages.Contains(Route(e))))
        {
            var url = Url(endpoint);
            using var response = await client.GetAsync(url, Ct);
            if (url.StartsWith("/beheer/api", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {url} answered {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}");
                Assert.StartsWith("https://localhost/beheer/inloggen?returnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_author_is_refused_every_route_that_needs_publishing_or_administration_rights()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Auteur);
        var guarded = BackOfficeEndpoints().Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(a => a.Policy is Policies.Publish or Policies.Administer)).ToList();
        Assert.NotEmpty(guarded);
        foreach (var endpoint in guarded)
        {
            using var response = await client.GetAsync(Url(endpoint), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {Url(endpoint)} answered {(int)response.StatusCode} to an author");
        }
    }

    [Fact]
    public async Task An_administrator_reaches_every_back_office_page()
    {
        var (client, _) = await BackOfficeUsers.SignedInAsync(app, Roles.Beheerder);
        foreach (var endpoint in BackOfficeEndpoints().Where(e => !OpenPages.Contains(Route(e)) && !Route(e).Contains('{', StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(Url(endpoint), Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.MethodNotAllowed, $"GET {Url(endpoint)} answered {(int)response.StatusCode}");
        }
    }

    private List<RouteEndpoint> BackOfficeEndpoints() => BackOfficeRoutes.Endpoints(app);

    private static string Route(RouteEndpoint endpoint) => BackOfficeRoutes.Route(endpoint);

    // Route parameters get a well-formed value that matches nothing: the authorization answer must come first.
    private static string Url(RouteEndpoint endpoint) =>
        "/" + string.Join('/', Route(endpoint).Split('/').Select(s => s.StartsWith('{') ? (s.Contains("int", StringComparison.Ordinal) || s.Contains("long", StringComparison.Ordinal) ? "987654" : Guid.NewGuid().ToString()) : s))
            .Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
}
