using System.Collections.Concurrent;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>Which node handled which outbox message, across every node of one test.</summary>
public sealed class HandledLog
{
    public ConcurrentQueue<(string Node, long MessageId)> Entries { get; } = new();

    public int TimesHandled(long id) => Entries.Count(e => e.MessageId == id);
}

/// <summary>
/// One app instance of a cluster: the real app on a database other nodes share, with an extra
/// outbox handler that writes down which node handled which message.
/// </summary>
public sealed class ClusterNode(TestDatabase database, string name, HandledLog log, bool importDemo = false)
    : PlatformFactory(database, importDemo)
{
    public string Name { get; } = name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddScoped<IOutboxHandler>(_ => new Recorder(Name, log)));
    }

    private sealed class Recorder(string node, HandledLog log) : IOutboxHandler
    {
        public Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            log.Entries.Enqueue((node, message.Id));
            return Task.CompletedTask;
        }
    }
}
