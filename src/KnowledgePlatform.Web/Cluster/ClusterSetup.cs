using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// What lets several instances serve one site on one PostgreSQL database: shared Data Protection
/// keys, cross-instance cache invalidation, start-up work done once; and one instance per SQLite file.
/// </summary>
public static class ClusterSetup
{
    /// <summary>Fixed, so every instance (whatever its folder or version) reads the others' tokens.</summary>
    public const string ApplicationName = "KnowledgePlatform";

    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<LocalCaches>();
        builder.Services.AddScoped<CacheInvalidation>();
        builder.Services.AddSingleton<SqliteInstanceLock>();
        builder.Services.AddSingleton<ClusterNotifications>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterNotifications>());
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRepository(scopes));
        return builder;
    }
}
