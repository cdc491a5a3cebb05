using KnowledgePlatform.Web.Areas.Admin;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events;
using KnowledgePlatform.Web.Site.Feeds;
using KnowledgePlatform.Web.Site.Metadata;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace KnowledgePlatform.Web.Site;

public static class SiteSetup
{
    public const string PublicCachePolicy = "public";
    public const string ContentTag = "content";

    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "The setting Site:BaseUrl must be an absolute http(s) address, such as https://www.example.nl.")
            .ValidateOnStart();
        builder.Services.AddRazorPages(o =>
        {
            // Razor Pages validate antiforgery on every unsafe method by default. Adding the filter again by
            // convention put it closer than a page's [IgnoreAntiforgeryToken], so the error page answered a
            // re-executed POST (a 429 or 401 from a form) with a bare 400 instead of the Dutch page.
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(SiteSettingsFilter)));
        });
        builder.Services.AddScoped<SiteSettingsFilter>();
        // Dutch text (ë, –, ‘) is written as is instead of as numeric entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        var outputCache = builder.Configuration.GetValue("Site:OutputCache", true);
        builder.Services.AddOutputCache(o => o.AddPolicy(PublicCachePolicy, p =>
        {
            // Compressed copies are cached per Accept-Encoding (see UseSite), so vary by it.
            _ = outputCache ? p.Expire(TimeSpan.FromMinutes(10)).Tag(ContentTag).SetVaryByHeader(HeaderNames.AcceptEncoding) : p.NoCache();
        }));
        builder.Services.AddScoped<ContentReader>();
        builder.Services.AddScoped<ListingQuery>();
        builder.Services.AddScoped<AgendaQuery>();
        builder.Services.AddScoped<SpeakerQuery>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<IOutboxHandler, OutputCacheEviction>();
        builder.Services.AddHostedService<OutboxProcessor>();
        return builder;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");

    public static WebApplication UseSite(this WebApplication app)
    {
        // People get Dutch HTML error pages; API clients get ProblemDetails JSON.
        app.UseWhen(c => !IsApi(c), a => a.UseExceptionHandler("/fout").UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseWhen(IsApi, a => a.UseExceptionHandler().UseStatusCodePages());
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                // Fingerprinted (?v=…) assets may be cached for a year; the rest briefly.
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        app.UseRouting();
        app.UseBackOffice(); // sign-in limits, authentication, authorization, manual redirects: after routing, before the output cache
        app.UseOutputCache();
        // Cached pages are compressed once, when the cache is filled, not on every hit: this
        // inner compression runs inside the output cache, and the outer one above leaves a
        // response that already has a Content-Encoding alone (it still serves static files).
        app.UseResponseCompression();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapEventCalendars();
        app.MapFeeds();
        app.MapSitemap();
        app.MapRazorPages();
        return app;
    }
}
