using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.ResponseCompression;

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
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(SiteNameFilter)));
        });
        builder.Services.AddScoped<SiteNameFilter>();
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
        builder.Services.AddOutputCache(o => o.AddPolicy(PublicCachePolicy, p => p
            .Expire(TimeSpan.FromMinutes(10))
            .Tag(ContentTag)));
        builder.Services.AddScoped<ContentReader>();
        builder.Services.AddScoped<ContentListQuery>();
        builder.Services.AddScoped<AgendaQuery>();
        builder.Services.AddScoped<SpeakerQuery>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<IOutboxHandler, OutputCacheEviction>();
        builder.Services.AddHostedService<OutboxProcessor>();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
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
        app.UseOutputCache();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapRazorPages();
        return app;
    }
}
