using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin;

/// <summary>
/// The back-office (Razor Pages area "Admin", served under /beheer). Every page requires the
/// BackOffice policy by convention; only the sign-in pages are open. Pages needing more carry
/// [Authorize(Policy = Policies.Publish or Administer)].
/// </summary>
public static class BackOfficeSetup
{
    public const string Area = "Admin";
    public const string PathBase = "/beheer";

    /// <summary>The pages someone without a session must reach (relative to the area's Pages folder).</summary>
    public static readonly IReadOnlyList<string> AnonymousPages = ["/Inloggen", "/Tweestaps", "/WachtwoordInstellen"];

    public static IHostApplicationBuilder AddBackOffice(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddAreaFolderRouteModelConvention(Area, "/", BeheerRoutes);
            o.Conventions.AuthorizeAreaFolder(Area, "/", Policies.BackOffice);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToAreaPage(Area, page);
            }

            // Drafts, previews and forms must never be stored by a browser or proxy.
            o.Conventions.AddAreaFolderApplicationModelConvention(Area, "/", m =>
                m.Filters.Add(new Microsoft.AspNetCore.Mvc.ResponseCacheAttribute { NoStore = true, Location = Microsoft.AspNetCore.Mvc.ResponseCacheLocation.None }));
        });
        builder.Services.AddOptions<BackOfficeOptions>().Bind(builder.Configuration.GetSection(BackOfficeOptions.Section))
            .Validate(o => o.SchedulerInterval > TimeSpan.Zero, "The setting BackOffice:SchedulerInterval must be positive.").ValidateOnStart();
        builder.Services.AddScoped<EditContent.Handler>();
        builder.Services.AddScoped<Workflow>();
        builder.Services.AddScoped<Pickers>();
        builder.Services.AddScoped<ContentList>();
        builder.Services.AddScoped<Dashboard>();
        builder.Services.AddScoped<ManualRedirects>();
        builder.Services.AddScoped<BackOfficeAccess>();
        builder.Services.AddSingleton<ScheduledPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return builder;
    }

    /// <summary>Sign-in limits, authentication, authorization, then manual redirects for misses: call right after UseRouting.</summary>
    public static IApplicationBuilder UseBackOffice(this IApplicationBuilder app) =>
        app.UseAccounts().UseMiddleware<ManualRedirectMiddleware>();

    /// <summary>The back-office JSON endpoints (search-as-you-type for the pickers).</summary>
    public static IEndpointRouteBuilder MapBackOffice(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapBackOfficeApi();
        api.MapGet("/kiezen/{kind}", async (string kind, string? q, Pickers pickers, CancellationToken ct) =>
            Results.Ok(await pickers.SearchAsync(kind, q, ct)));
        return endpoints;
    }

    /// <summary>The group every back-office JSON endpoint is mapped in: /beheer/api, BackOffice policy at least.</summary>
    public static RouteGroupBuilder MapBackOfficeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(PathBase + "/api").RequireAuthorization(Policies.BackOffice);

    // "Admin/Inhoud/Bewerken/{id?}" → "beheer/inhoud/bewerken/{id?}": Dutch, lower-case addresses.
    private static void BeheerRoutes(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is not { } template || !template.StartsWith(Area, StringComparison.Ordinal))
            {
                continue;
            }

            var segments = ("beheer" + template[Area.Length..]).Split('/')
                .Select(s => s.Contains('{', StringComparison.Ordinal) ? s : KebabLower(s));
            selector.AttributeRouteModel.Template = string.Join('/', segments);
        }
    }

    // "WachtwoordInstellen" → "wachtwoord-instellen"
    private static string KebabLower(string segment) =>
        string.Concat(segment.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
