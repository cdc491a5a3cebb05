using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Areas.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>
/// Every request the back-office answers, found from the running app: for a Razor page each handler method
/// (OnGet, OnPost, OnPostDelete, OnGetCsv, …), for a minimal API each HTTP method. So a new handler or endpoint
/// is checked without anyone listing it.
/// </summary>
public static class BackOfficeRoutes
{
    public sealed record Request(RouteEndpoint Endpoint, string Route, string Method, string? Handler);

    public static List<RouteEndpoint> Endpoints(PlatformFactory app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Route(e).StartsWith(BackOfficeSetup.PathBase.TrimStart('/'), StringComparison.OrdinalIgnoreCase)),
    ];

    public static string Route(RouteEndpoint endpoint) => (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    public static async Task<List<Request>> RequestsAsync(PlatformFactory app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var requests = new List<Request>();
        foreach (var endpoint in Endpoints(app))
        {
            var route = Route(endpoint);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                // A page answers GET even without an OnGet (it is rendered as it is).
                requests.Add(new(endpoint, route, "GET", null));
                requests.AddRange(compiled.HandlerMethods
                    .Where(h => !(h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is null))
                    .Select(h => new Request(endpoint, route, h.HttpMethod.ToUpperInvariant(), h.Name)));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                requests.AddRange(methods.Select(m => new Request(endpoint, route, m.ToUpperInvariant(), null)));
            }
        }

        return requests;
    }

    /// <summary>The route with each parameter replaced by <paramref name="value"/>(parameter name) and a handler in the query.</summary>
    public static string Url(Request request, Func<string, string> value)
    {
        var path = string.Join('/', request.Route.Split('/').Select(s => s.StartsWith('{') ? value(s.Trim('{', '}').Split(':')[0].TrimEnd('?')) : s));
        return "/" + path.TrimEnd('/') + (request.Handler is null ? "" : "?handler=" + request.Handler);
    }
}
