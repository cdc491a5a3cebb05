using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Events.Registrations;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>Seats, the waitlist and its order, under concurrency, on each provider.</summary>
public abstract class RegistrationCapacityTests(RegistrationFixture fixture)
{
    private readonly RegistrationFactory app = Reset(fixture.App);

    private static RegistrationFactory Reset(RegistrationFactory app)
    {
        app.Clock.Set(RegistrationFactory.Start);
        return app;
    }

    [Fact]
    public async Task Two_hundred_simultaneous_registrations_for_fifty_seats_give_exactly_fifty_confirmed_and_150_waitlisted()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 50);
        var key = await app.PublishEventAsync(body);

        // All start together: each waits at the gate, then registers in its own scope (own connection).
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, 200).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await app.RegisterAsync(body.Slug, $"Deelnemer {i}", $"deelnemer{i}@example.org");
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(50, results.Count(r => r!.Status == RegistrationStatus.Confirmed));
        Assert.Equal(150, results.Count(r => r!.Status == RegistrationStatus.Waitlisted));
        // Every waitlist place is given once: 1..150.
        Assert.Equal(Enumerable.Range(1, 150), results.Where(r => r!.Position is not null).Select(r => r!.Position!.Value).Order());
        var stored = await app.RegistrationsAsync(key);
        Assert.Equal(50, stored.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(150, stored.Count(r => r.Status == RegistrationStatus.Waitlisted));
        // Arrival order: nobody who came later holds a seat while an earlier one waits.
        Assert.True(stored.Where(r => r.Status == RegistrationStatus.Confirmed).Max(r => r.Id)
            < stored.Where(r => r.Status == RegistrationStatus.Waitlisted).Min(r => r.Id));
        Assert.Equal(200, stored.Select(r => r.Token).Distinct().Count());
    }

    [Fact]
    public async Task A_cancellation_offers_the_seat_to_the_first_waiting_and_an_expired_offer_passes_to_the_next()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "anna@example.org");
        var bram = await app.RegisterAsync(body.Slug, "Bram", "bram@example.org");
        var carla = await app.RegisterAsync(body.Slug, "Carla", "carla@example.org");
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (bram!.Status, bram.Position));
        Assert.Equal((RegistrationStatus.Waitlisted, 2), (carla!.Status, carla.Position));

        Assert.True(await app.CancelAsync((await app.RegistrationAsync(key, "anna@example.org")).Token));
        var offered = await app.RegistrationAsync(key, "bram@example.org");
        Assert.Equal(RegistrationStatus.Offered, offered.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(48), offered.OfferExpiresUtc);
        Assert.Equal(RegistrationStatus.Waitlisted, (await app.RegistrationAsync(key, "carla@example.org")).Status);

        // A newcomer does not jump the queue while the seat is on offer.
        Assert.Equal(RegistrationStatus.Waitlisted, (await app.RegisterAsync(body.Slug, "Dirk", "dirk@example.org"))!.Status);

        app.Clock.Advance(TimeSpan.FromHours(47));
        await app.RunJobsAsync();
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationAsync(key, "bram@example.org")).Status);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobsAsync();
        Assert.Equal(RegistrationStatus.Cancelled, (await app.RegistrationAsync(key, "bram@example.org")).Status);
        var carlaNow = await app.RegistrationAsync(key, "carla@example.org");
        Assert.Equal(RegistrationStatus.Offered, carlaNow.Status);
        Assert.False(await app.ClaimAsync(offered.Token)); // Bram's offer is gone

        Assert.True(await app.ClaimAsync(carlaNow.Token));
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationAsync(key, "carla@example.org")).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await app.RegistrationAsync(key, "dirk@example.org")).Status);
    }

    [Fact]
    public async Task Raising_the_capacity_gives_seats_to_the_waitlist_in_order_of_arrival()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.ProcessOutboxAsync();
        foreach (var name in new[] { "anna", "bram", "carla", "dirk" })
        {
            await app.RegisterAsync(body.Slug, name, $"{name}@example.org");
        }

        await app.PublishEventAsync(body with { Registration = body.Registration with { Capacity = 3 } }, key);
        await app.ProcessOutboxAsync();

        var statuses = (await app.RegistrationsAsync(key)).Select(r => (r.Email, r.Status)).ToList();
        Assert.Equal(
            [("anna@example.org", RegistrationStatus.Confirmed), ("bram@example.org", RegistrationStatus.Confirmed),
             ("carla@example.org", RegistrationStatus.Confirmed), ("dirk@example.org", RegistrationStatus.Waitlisted)],
            statuses);
    }

    [Fact]
    public async Task Registering_twice_with_one_address_keeps_one_registration()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "Anna@Example.org ");
        var again = await app.RegisterAsync(body.Slug, "Anna de Vries", "anna@example.org");

        Assert.True(again!.AlreadyRegistered);
        Assert.Single(await app.RegistrationsAsync(key));
    }

    [Fact]
    public async Task Registration_closes_after_the_deadline_and_for_a_cancelled_event()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var deadline = app.Clock.GetUtcNow().AddDays(2);
        await app.PublishEventAsync(body with { Registration = body.Registration with { Deadline = deadline } });
        Assert.NotNull(await app.RegisterAsync(body.Slug, "Anna", "anna@example.org"));

        app.Clock.Advance(TimeSpan.FromDays(3));
        var closed = await Assert.ThrowsAsync<RegistrationClosedException>(() => app.RegisterAsync(body.Slug, "Bram", "bram@example.org"));
        Assert.Contains("aanmeldtermijn", closed.Message, StringComparison.Ordinal);
        app.Clock.Set(RegistrationFactory.Start);

        var cancelled = RegistrationSteps.OpenEvent(capacity: 5) with { Cancelled = true };
        await app.PublishEventAsync(cancelled);
        await Assert.ThrowsAsync<RegistrationClosedException>(() => app.RegisterAsync(cancelled.Slug, "Bram", "bram@example.org"));
    }

    [Fact]
    public async Task Invalid_name_and_address_get_dutch_messages()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        await app.PublishEventAsync(body);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => app.RegisterAsync(body.Slug, " ", "geen-adres"));
        Assert.Equal(["Vul je naam in."], invalid.Errors["name"]);
        Assert.Equal(["Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."], invalid.Errors["email"]);
    }
}

public sealed class RegistrationCapacityTests_Sqlite(RegistrationSqliteFixture fixture)
    : RegistrationCapacityTests(fixture), IClassFixture<RegistrationSqliteFixture>;

public sealed class RegistrationCapacityTests_Postgres(RegistrationPostgresFixture fixture)
    : RegistrationCapacityTests(fixture), IClassFixture<RegistrationPostgresFixture>;
