using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>A clock the test moves by hand; timers still run on real time.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public void Set(DateTimeOffset to) => Interlocked.Exchange(ref ticks, to.UtcTicks);
}

/// <summary>The real app on a real database, with a hand-moved clock and high abuse limits.</summary>
public sealed class RegistrationFactory(TestDatabase database) : PlatformFactory(database)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public ManualClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            // 200 requests queue for 20 pooled connections behind one event's lock; on a busy
            // test machine that wait can pass Npgsql's default 15 s.
            builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString + ";Timeout=120;Command Timeout=120");
        }

        builder.UseSetting("Registrations:Limits:PerIpPerHour", "100000");
        builder.UseSetting("Registrations:Limits:PerAddressPerDay", "100");
        builder.UseSetting("Registrations:Limits:OverallPerHour", "100000");
        builder.UseSetting("Registrations:JobIntervalSeconds", "3600");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public abstract class RegistrationFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;

    public RegistrationFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        App = new RegistrationFactory(database);
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await database!.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RegistrationSqliteFixture() : RegistrationFixture(DatabaseProvider.Sqlite);

public sealed class RegistrationPostgresFixture() : RegistrationFixture(DatabaseProvider.Postgres);

/// <summary>Steps of readers and editors, through the app's own handlers.</summary>
public static class RegistrationSteps
{
    public static EventContent OpenEvent(int? capacity, DateTimeOffset? start = null) => TestContent.Event(start: start ?? new DateTimeOffset(2027, 3, 12, 13, 30, 0, TimeSpan.FromHours(1))) with
    {
        Registration = new Registration
        {
            Mode = RegistrationMode.Internal,
            Capacity = capacity,
            Questions = new RegistrationQuestions { Organisation = true, Needs = true, FreeQuestion = "Wat wil je bespreken?" },
        },
    };

    public static Task<Register.Result?> RegisterAsync(this PlatformFactory app, string slug, string name, string email, RegistrationAnswers? answers = null) =>
        app.InScopeAsync(sp => sp.GetRequiredService<Register.Handler>().HandleAsync(new Register.Command(slug, name, email, answers, System.Net.IPAddress.Loopback), CancellationToken.None));

    public static Task<List<EventRegistration>> RegistrationsAsync(this PlatformFactory app, Guid eventKey) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Registrations().AsNoTracking().Where(r => r.EventKey == eventKey).OrderBy(r => r.Id).ToListAsync());

    public static async Task<EventRegistration> RegistrationAsync(this PlatformFactory app, Guid eventKey, string email) =>
        (await app.RegistrationsAsync(eventKey)).Single(r => r.Email == email);

    public static Task<bool> CancelAsync(this PlatformFactory app, string token) =>
        app.InScopeAsync(sp => sp.GetRequiredService<PersonalRegistration.Handler>().CancelAsync(token, CancellationToken.None));

    public static Task<bool> ClaimAsync(this PlatformFactory app, string token) =>
        app.InScopeAsync(sp => sp.GetRequiredService<PersonalRegistration.Handler>().ClaimAsync(token, CancellationToken.None));

    public static Task RunJobsAsync(this PlatformFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<RegistrationJobs>().RunOnceAsync(CancellationToken.None));

    /// <summary>
    /// Processes the outbox now (the reactions to a publish), instead of waiting for the poll — and waits
    /// for rows the host's own processor claimed first (it wakes on NOTIFY on PostgreSQL) and retries rows
    /// that failed (a deadlock between the two processors, say), so the reactions are done when this returns.
    /// </summary>
    public static Task ProcessOutboxAsync(this PlatformFactory app) =>
        app.InScopeAsync(async sp =>
        {
            var processor = sp.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxProcessor>().Single();
            var db = PlatformFactory.Db(sp);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
                {
                }

                // Still pending: claimed by the app's own processor meanwhile, or failed and released
                // for a retry (as the processor would retry it on its next round).
                var pending = await db.Outbox.AsNoTracking().AnyAsync(m => m.ProcessedUtc == null && m.Attempts < OutboxClaims.MaxAttempts);
                if (!pending || DateTime.UtcNow > deadline)
                {
                    return;
                }

                await Task.Delay(50);
            }
        });

    public static Task<Guid> PublishEventAsync(this PlatformFactory app, EventContent body, Guid? key = null) => app.PublishAsync(body, key);
}
