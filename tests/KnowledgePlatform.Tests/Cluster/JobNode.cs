using System.Data.Common;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// An app instance for the background-work tests: shares a hand-moved clock with the other nodes,
/// runs its periodic jobs only when the test says so (scheduled publishing, registration jobs), writes
/// down which outbox messages it handled, and can die mid-job (<see cref="Dies"/>).
/// </summary>
public sealed class JobNode(TestDatabase database, string name, TimeProvider clock, HandledLog log, int? smtpPort = null) : PlatformFactory(database)
{
    public string Name { get; } = name;

    /// <summary>Once armed, every commit of this instance fails, as if the process stopped just before it.</summary>
    public CommitsFail Dies { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BackOffice:SchedulerInterval", "01:00:00");
        builder.UseSetting("Registrations:JobIntervalSeconds", "3600");
        builder.UseSetting("Registrations:Limits:PerIpPerHour", "100000");
        builder.UseSetting("Registrations:Limits:PerAddressPerHour", "100");
        if (smtpPort is { } port)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:UseStartTls", "false");
            builder.UseSetting("Newsletter:FromAddress", "nieuwsbrief@kennisplatform.test");
            builder.UseSetting("Newsletter:MaxMessagesPerSecond", "5000");
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddScoped<IOutboxHandler>(_ => new Recorder(Name, log));
            s.ConfigureDbContext<KnowledgeDbContext>(o => o.AddInterceptors(Dies));
        });
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

/// <summary>The failure <see cref="CommitsFail"/> throws: the instance is gone before its work is committed.</summary>
public sealed class InstanceDiedException() : Exception("The instance died before committing.");

/// <summary>
/// Fails every commit once armed: explicit transactions at commit (all their statements ran), and a
/// SaveChanges outside one before it writes. Single statements outside EF's change tracking (the
/// claims: ExecuteUpdate, raw SQL) still go through — a real instance claims, then dies.
/// </summary>
public sealed class CommitsFail : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        Armed ? throw new InstanceDiedException() : ValueTask.FromResult(result);

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        Armed ? throw new InstanceDiedException() : result;

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Armed && eventData.Context?.Database.CurrentTransaction is null ? throw new InstanceDiedException() : ValueTask.FromResult(result);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Armed && eventData.Context?.Database.CurrentTransaction is null ? throw new InstanceDiedException() : result;
}
