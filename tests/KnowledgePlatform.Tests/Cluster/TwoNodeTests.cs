using System.Net;
using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// Two instances of the real app on one PostgreSQL database: what one does is seen by the other,
/// what one protects the other reads, and background work is done once.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HandledLog log = new();
    private TestDatabase database = null!;
    private ClusterNode a = null!;
    private ClusterNode b = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        a = new ClusterNode(database, "A", log);
        b = new ClusterNode(database, "B", log);
        _ = a.Server;
        _ = b.Server;
        await Eventually.AssertAsync(() => Task.Run(() => Assert.True(Listener(a).Connections > 0 && Listener(b).Connections > 0)));
    }

    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_publish_on_one_instance_evicts_the_cached_pages_of_the_other()
    {
        using var onB = b.CreateClient();
        Assert.Contains("<html", await onB.GetStringAsync("/agenda", Ct), StringComparison.Ordinal); // now cached on B

        var title = $"Clusterbijeenkomst {Guid.NewGuid():N}"[..30];
        await a.PublishAsync(TestContent.Event(title: title));

        await Eventually.AssertAsync(async () => Assert.Contains(title, await onB.GetStringAsync("/agenda", Ct), StringComparison.Ordinal));
        var id = await a.InScopeAsync(sp => PlatformFactory.Db(sp).Outbox.MaxAsync(m => m.Id, Ct));
        await Eventually.AssertAsync(() => Task.Run(() => Assert.Equal(1, log.TimesHandled(id))));
    }

    [Fact]
    public async Task Each_outbox_message_is_handled_exactly_once_across_instances()
    {
        var ids = await a.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            var rows = Enumerable.Range(0, 400).Select(_ => new OutboxMessage { Kind = "test.ping", CreatedUtc = DateTime.UtcNow }).ToList();
            db.Outbox.AddRange(rows);
            await db.SaveChangesAsync(Ct);
            return rows.Select(r => r.Id).ToList();
        });

        await Eventually.AssertAsync(async () => Assert.Equal(0, await a.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Outbox.CountAsync(m => ids.Contains(m.Id) && m.ProcessedUtc == null, Ct))), timeoutSeconds: 60);
        var handled = log.Entries.Where(e => ids.Contains(e.MessageId)).ToList();
        Assert.Equal(ids.Order(), handled.Select(e => e.MessageId).Order());
    }

    [Fact]
    public async Task The_listener_reconnects_after_its_connection_is_killed_and_invalidation_still_reaches_the_other_instance()
    {
        var before = Listener(b).Connections;
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()", connection);
            kill.Parameters.AddWithValue("app", ClusterNotifications.ApplicationName);
            Assert.True((long)(await kill.ExecuteScalarAsync(Ct))! >= 2);
        }

        await Eventually.AssertAsync(() => Task.Run(() => Assert.True(Listener(b).Connections > before)));
        using var onB = b.CreateClient();
        _ = await onB.GetStringAsync("/agenda", Ct);
        var title = $"Na herverbinden {Guid.NewGuid():N}"[..28];
        await a.PublishAsync(TestContent.Event(title: title));
        await Eventually.AssertAsync(async () => Assert.Contains(title, await onB.GetStringAsync("/agenda", Ct), StringComparison.Ordinal));
    }

    [Fact]
    public void Data_protected_by_one_instance_is_unprotected_by_the_other()
    {
        var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test.links").Protect("afmelden:42");

        Assert.Equal("afmelden:42", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test.links").Unprotect(protectedByA));
    }

    [Fact]
    public async Task An_antiforgery_token_issued_by_one_instance_validates_on_the_other()
    {
        var issued = new DefaultHttpContext { RequestServices = a.Services };
        var tokens = a.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issued);

        // The cookie as A named it: B must read it under the same name (the same application name).
        var cookieName = a.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        Assert.True(await b.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Post(b, cookieName!, tokens.CookieToken!, tokens.RequestToken!)));

        // A request token made for another visitor's cookie is refused.
        var other = a.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = a.Services });
        Assert.False(await b.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Post(b, cookieName!, tokens.CookieToken!, other.RequestToken!)));
    }

    // A fresh context per request: antiforgery remembers the tokens it read on the context.
    private static DefaultHttpContext Post(ClusterNode node, string cookieName, string cookieToken, string requestToken)
    {
        var posted = new DefaultHttpContext { RequestServices = node.Services };
        posted.Request.Method = "POST";
        posted.Request.Headers.Cookie = $"{cookieName}={cookieToken}";
        posted.Request.Headers["RequestVerificationToken"] = requestToken;
        return posted;
    }

    [Fact]
    public async Task An_editor_signed_in_through_one_instance_stays_signed_in_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = a.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var onB = b.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/beheer", Ct)).StatusCode); // not signed in yet

        var user = await BackOfficeUsers.CreateAsync(a, "Beheerder");
        using var login = await BackOfficeUsers.LogInAsync(onA, user.Email!, BackOfficeUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/beheer", login.Headers.Location?.OriginalString);

        using var onOther = await onB.GetAsync("/beheer", Ct);
        Assert.Equal(HttpStatusCode.OK, onOther.StatusCode);
    }

    private static ClusterNotifications Listener(ClusterNode node) => node.Services.GetRequiredService<ClusterNotifications>();
}
