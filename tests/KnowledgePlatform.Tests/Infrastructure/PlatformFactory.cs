using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>The real app, in-process, on a real database of the given provider.</summary>
public class PlatformFactory(TestDatabase database, bool importDemo = false, string? syncRoot = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Storage:DataPath", Database.DataPath);
        builder.UseSetting("Sync:Root", syncRoot ?? RepoPaths.USync);
        builder.UseSetting("Sync:ImportOnEmptyDatabase", importDemo ? "true" : "false");
        // Tests derive hosts from a fixture's (WithWebHostBuilder) over the same SQLite file in this one process;
        // the one-site-per-file guard is proven with real processes in Cluster/StartupOnceTests.
        builder.UseSetting("Cluster:SingleSqliteInstance", "false");
        builder.UseSetting("Accounts:LoginAttemptsPerMinute", "1000"); // all test requests share one address; RateLimitTests sets its own
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DI scope of the running app.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp =>
    {
        await work(sp);
        return true;
    });

    public static KnowledgeDbContext Db(IServiceProvider sp) => sp.GetRequiredService<KnowledgeDbContext>();
}
