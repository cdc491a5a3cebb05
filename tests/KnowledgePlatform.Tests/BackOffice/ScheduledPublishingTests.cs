using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Scheduled publishing and unpublishing at Amsterdam times, driven by a clock the test controls, on each provider.</summary>
public abstract class ScheduledPublishingTests(PlatformFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scheduled_item_appears_on_time_once_and_goes_offline_on_time()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("BackOffice:SchedulerInterval", "00:00:00.2");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var userScope = app.Services.CreateScope();
        var user = await CreateEditor(userScope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>());
        (await BackOfficeUsers.LogInAsync(client, user, BackOfficeUsers.Password)).Dispose();
        var editor = new EditorSession(client);
        var title = $"Gepland {Guid.NewGuid():N}"[..24];
        var key = await editor.CreateEventAsync(EditorSession.Event(title));

        var publishAt = DutchTime.ToAmsterdam(clock.GetUtcNow().AddHours(2));
        var unpublishAt = publishAt.AddDays(1);
        using var scheduled = await BackOfficeUsers.PostFormAsync(client, $"/beheer/inhoud/bewerken/{key}", new()
        {
            ["PublishDate"] = publishAt.ToString("yyyy-MM-dd", DutchTime.Culture),
            ["PublishTime"] = publishAt.ToString("HH:mm", DutchTime.Culture),
            ["UnpublishDate"] = unpublishAt.ToString("yyyy-MM-dd", DutchTime.Culture),
            ["UnpublishTime"] = unpublishAt.ToString("HH:mm", DutchTime.Culture),
        }, formAction: $"/beheer/inhoud/bewerken/{key}?handler=Schedule");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(600, Ct); // several scheduler ticks: still too early
        Assert.Equal(ContentStatus.Draft, (await Item(app, key)).Status);

        clock.Advance(TimeSpan.FromHours(1.1));
        await Eventually.AssertAsync(async () => Assert.Equal(ContentStatus.Published, (await Item(app, key)).Status));
        Assert.Contains(title, await client.GetStringAsync($"/agenda/{(await Item(app, key)).LiveSlug}", Ct), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        await Eventually.AssertAsync(async () => Assert.Equal(ContentStatus.Unpublished, (await Item(app, key)).Status));
        var actions = await InScope(app, db => db.AuditEntries.Where(a => a.TargetId == key.ToString() && a.Actor == "system").Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["content.publish-scheduled", "content.unpublish-scheduled"], actions.Order());
    }

    [Fact]
    public async Task Two_nodes_running_the_scheduler_at_once_publish_a_due_item_once()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("BackOffice:SchedulerInterval", "01:00:00"); // only the test's explicit runs
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var keys = new List<Guid>();
        using (var scope = app.Services.CreateScope())
        {
            for (var i = 0; i < 5; i++)
            {
                var saved = await scope.ServiceProvider.GetRequiredService<SaveDraft.Handler>().HandleAsync(new(null, TestContent.Event(), "test"), Ct);
                await scope.ServiceProvider.GetRequiredService<Workflow>().ScheduleAsync(saved.Key, clock.GetUtcNow().UtcDateTime.AddMinutes(5), null, "test", Ct);
                keys.Add(saved.Key);
            }
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        var publisher = app.Services.GetRequiredService<ScheduledPublisher>();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => publisher.RunDueAsync(Ct), Ct)));

        Assert.Equal(5, runs.Sum());
        var ids = keys.Select(k => k.ToString()).ToList();
        var published = await InScope(app, db => db.AuditEntries.CountAsync(a => a.Action == "content.publish-scheduled" && ids.Contains(a.TargetId!), Ct));
        Assert.Equal(5, published);
        Assert.Equal(0, await publisher.RunDueAsync(Ct));
    }

    private static async Task<string> CreateEditor(Microsoft.AspNetCore.Identity.UserManager<AppUser> users)
    {
        var email = $"planner-{Guid.NewGuid():N}@example.nl";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Planner", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, BackOfficeUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Redacteur)).Succeeded);
        return email;
    }

    private static Task<ContentItem> Item(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, Guid key) =>
        InScope(app, db => db.ContentItems.AsNoTracking().SingleAsync(i => i.Key == key, Ct));

    private static async Task<T> InScope<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, Func<KnowledgePlatform.Web.Data.KnowledgeDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgePlatform.Web.Data.KnowledgeDbContext>());
    }
}

public sealed class ScheduledPublishingTests_Sqlite(SqliteFixture fixture) : ScheduledPublishingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ScheduledPublishingTests_Postgres(PostgresFixture fixture) : ScheduledPublishingTests(fixture), IClassFixture<PostgresFixture>;
