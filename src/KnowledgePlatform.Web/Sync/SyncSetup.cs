using KnowledgePlatform.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Sync;

public static class SyncSetup
{
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncOptions>()
            .Bind(builder.Configuration.GetSection(SyncOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "The setting Sync:Root must name a folder.")
            .ValidateOnStart();
        builder.Services.AddScoped<PlanSync.Handler>();
        builder.Services.AddScoped<ImportSync.Handler>();
        builder.Services.AddScoped<ExportSync.Handler>();
        builder.Services.AddScoped<SyncMedia>();
        builder.Services.AddScoped<StartupImport>();
        return builder;
    }

    /// <summary>The uSync folder as an absolute path.</summary>
    public static string RootPath(this IOptions<SyncOptions> options, IHostEnvironment env) =>
        RepositoryPaths.Resolve(env.ContentRootPath, options.Value.Root);
}
