using KnowledgePlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>The resolved database settings: what provider, which connection, where data lives.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataPath);

public static class DataSetup
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        // Resolved when first needed (at start-up, by DatabaseInitializer), not while the host is
        // being built, so test hosts and command-line overrides are always taken into account.
        builder.Services.AddSingleton(sp => Resolve(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContext<KnowledgeDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<DatabaseSettings>()));
        builder.Services.AddScoped<MigrationRunner>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static DatabaseSettings Resolve(IConfiguration config, string contentRoot)
    {
        var providerText = config["Database:Provider"];
        DatabaseProvider provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && (!Enum.TryParse(providerText, ignoreCase: true, out provider)
                || !Enum.IsDefined(provider)))
        {
            throw new StartupException(
                $"The setting Database:Provider is '{providerText}', but must be 'Sqlite' or 'Postgres'.");
        }

        var dataPathText = config["Storage:DataPath"];
        var dataPath = RepositoryPaths.Resolve(contentRoot, string.IsNullOrWhiteSpace(dataPathText) ? "data" : dataPathText);
        var connectionString = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataPath, "knowledgeplatform.db")}"
                : throw new StartupException(
                    "The setting ConnectionStrings:Default is empty; it is required when Database:Provider is 'Postgres'.");
        }

        return new DatabaseSettings(provider, connectionString, dataPath);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        try
        {
            _ = settings.Provider == DatabaseProvider.Sqlite
                ? options.UseSqlite(settings.ConnectionString)
                : options.UseNpgsql(settings.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException(
                $"The setting ConnectionStrings:Default is not a valid {settings.Provider} connection string: {ex.Message}", ex);
        }
    }
}
