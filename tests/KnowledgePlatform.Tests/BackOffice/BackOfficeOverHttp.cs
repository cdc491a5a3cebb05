using System.Net;
using System.Net.Sockets;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>The real app on Kestrel at a loopback port (SQLite, no demo content) with a clock the test moves, for a real browser.</summary>
public sealed class BackOfficeOverHttp : IAsyncLifetime
{
    private TestDatabase? database;

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public PlatformFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Factory = new KestrelFactory(database, BaseAddress, Clock);
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        Factory.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelFactory(TestDatabase database, Uri baseAddress, TestClock clock) : PlatformFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:BaseUrl", baseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("Urls", baseAddress.ToString());
            builder.UseSetting("BackOffice:SchedulerInterval", "00:00:00.2");
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }
}
