using System.Net;
using System.Net.Http.Json;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>
/// Registering goes through the Mail module's database-backed abuse guard with registration's own
/// limits: per address (across events), per IP, the honeypot — and the counts are shared by every
/// instance on the database, not kept per process.
/// </summary>
public abstract class RegistrationLimitTests(DatabaseProvider provider)
{
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["Registrations:Limits:PerAddressPerDay"] = "2",
        ["Registrations:Limits:PerIpPerHour"] = "3",
        ["Registrations:Limits:OverallPerHour"] = "1000",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_limits_per_address_and_per_ip_hold_across_two_instances_and_the_honeypot_registers_nobody()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new MailPlatformFactory(database, sink.Port, Limits);
        await using var second = new MailPlatformFactory(database, sink.Port, Limits);
        _ = first.Server;
        _ = second.Server;
        var events = new List<string>();
        foreach (var i in Enumerable.Range(0, 3))
        {
            var body = RegistrationSteps.OpenEvent(capacity: 10, start: DateTimeOffset.UtcNow.AddDays(10 + i));
            await first.PublishEventAsync(body);
            events.Add(body.Slug);
        }

        // One address, three events, three networks, two instances: the third is refused.
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(first, events[0], "piet@example.org", "10.0.0.1"));
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(second, events[1], "piet@example.org", "10.0.0.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(first, events[2], "piet@example.org", "10.0.0.3"));

        // One network, four addresses: the fourth is refused, whichever instance it reaches.
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(first, events[2], "a@example.org", "10.9.9.9"));
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(second, events[2], "b@example.org", "10.9.9.9"));
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(first, events[2], "c@example.org", "10.9.9.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(second, events[2], "d@example.org", "10.9.9.9"));

        // A bot that fills in the hidden field gets the same answer as a person; nothing is stored or sent.
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(first, events[2], "bot@example.org", "10.7.7.7", website: "http://spam.example"));

        var registrations = await first.InScopeAsync(sp => PlatformFactory.Db(sp).Registrations().AsNoTracking().Select(r => r.Email).ToListAsync(Ct));
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org", "piet@example.org", "piet@example.org"], registrations.Order());
        var counters = await first.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MailRateCounter>().AsNoTracking()
            .Where(c => c.Scope.StartsWith("ip:" + Register.AbusePurpose)).ToListAsync(Ct));
        Assert.Equal(3, counters.Single(c => c.Scope == $"ip:{Register.AbusePurpose}:10.9.9.9").Count);
        await sink.WaitForAsync(5);
        await Task.Delay(1000, Ct);
        Assert.Equal(5, sink.Count);
        Assert.DoesNotContain(sink.Messages(), m => m.Recipients.Contains("bot@example.org"));
    }

    private static async Task<HttpStatusCode> RegisterAsync(PlatformFactory app, string slug, string email, string ip, string? website = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{slug}/registrations")
        {
            Content = JsonContent.Create(new { name = "Deelnemer", email, website }),
        };
        request.Headers.Add("X-Test-Remote-Address", ip);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}

public sealed class RegistrationLimitTests_Sqlite() : RegistrationLimitTests(DatabaseProvider.Sqlite);

public sealed class RegistrationLimitTests_Postgres() : RegistrationLimitTests(DatabaseProvider.Postgres);
