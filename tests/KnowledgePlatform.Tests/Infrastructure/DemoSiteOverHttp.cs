using System.Net;
using System.Net.Sockets;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a loopback port, on SQLite with the demo content imported: for a
/// real browser and for checkers that fetch over real HTTP. One per test class (IClassFixture).
/// </summary>
public sealed class DemoSiteOverHttp : IAsyncLifetime
{
    private TestDatabase? database;
    private KestrelFactory? factory;

    /// <summary>The site's root, e.g. http://127.0.0.1:41234/; also its Site:BaseUrl.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running app, for arranging data (users, uploads) through its services.</summary>
    public PlatformFactory Factory => factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>A plain HttpClient over the network stack; redirects are not followed.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 8 })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        factory = new KestrelFactory(database, BaseAddress);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer(); // migrations and the demo import run here, before the first test
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    // The port must be known before start so that Site:BaseUrl (canonical links, feeds) points
    // at this server; another process taking it in between is possible but unlikely.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelFactory(TestDatabase database, Uri baseAddress)
        : PlatformFactory(database, importDemo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:BaseUrl", baseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("Urls", baseAddress.ToString());
        }
    }
}
