using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Sync;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>
/// Start-up order: settings → database (connect, migrate) → either a command-line verb or the
/// site (importing uSync/ into an empty database first). Problems a person can fix end the
/// process with one sentence on stderr and exit code 1, not a stack trace.
/// </summary>
public static class PlatformHost
{
    public static void UseRepositoryWebRoot(this WebApplicationBuilder builder)
    {
        // The web root is the repository's top-level wwwroot/; a published app has its own copy.
        var webRoot = Path.Combine(RepositoryPaths.BaseFor(builder.Environment.ContentRootPath), "wwwroot");
        Directory.CreateDirectory(webRoot);
        builder.Environment.WebRootPath = webRoot;
        builder.Environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(webRoot);
    }

    public static async Task<int> RunPlatformAsync(this WebApplication app, string[] args)
    {
        var verb = CommandLine.Verb(args);
        try
        {
            ValidateOptions(app.Services);
            using (var scope = app.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
                if (verb.Length > 0)
                {
                    return await CommandLine.RunAsync(scope.ServiceProvider, verb, Console.Out, Console.Error);
                }

                scope.ServiceProvider.GetRequiredService<Cluster.SqliteInstanceLock>().Acquire();
                await scope.ServiceProvider.GetRequiredService<StartupImport>().RunAsync(app.Lifetime.ApplicationStopping);
            }

            await app.RunAsync();
            return 0;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(string.Join(" ", ex.Failures));
            return 1;
        }
        catch (SyncFailedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        // Resolving these runs their validation now, before anything else starts.
        try
        {
            _ = services.GetRequiredService<DatabaseSettings>();
            _ = services.GetRequiredService<IOptions<SyncOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Site.SiteOptions>>().Value;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the setting: "Failed to convert configuration value at 'Sync:…'".
            throw new StartupException(ex.Message, ex);
        }
    }
}
