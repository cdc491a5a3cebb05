using KnowledgePlatform.Web.Events;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Tests.Events;

/// <summary>Our hand-written VTIMEZONE, as a calendar client applies it, against the system's tz database.</summary>
public sealed class AmsterdamTimeZoneTests
{
    [Fact]
    public async Task Vtimezone_gives_the_same_instants_as_the_tz_database_around_every_transition_2000_to_2040()
    {
        var locals = new List<DateTime>();
        for (var year = 2000; year <= 2040; year++)
        {
            var march = LastSunday(year, 3);
            var october = LastSunday(year, 10);
            // Either side of both changes, avoiding the skipped hour (March 02:00–03:00) and the
            // repeated one (October 02:00–03:00), which have no single answer.
            locals.AddRange([march.AddHours(1.5), march.AddHours(3.5), october.AddHours(1.5), october.AddHours(3.5),
                new DateTime(year, 1, 15, 19, 0, 0), new DateTime(year, 7, 15, 19, 0, 0)]);
        }

        var events = locals.Select((local, i) => ICalendarWriterTests.Sample() with
        {
            Uid = $"{i}@test",
            Start = new DateTimeOffset(local, DutchTime.Amsterdam.GetUtcOffset(local)),
        }).ToList();

        var parsed = await ICalJs.ParseAsync(EventCalendarFile.Write("Agenda", events, DateTimeOffset.UtcNow));

        Assert.Equal(events.Count, parsed.Events.Count);
        Assert.All(parsed.Events.Zip(events), pair =>
        {
            Assert.Equal("Europe/Amsterdam", pair.First.Start.Tzid);
            Assert.Equal(pair.Second.Start.UtcDateTime, pair.First.Start.Utc?.UtcDateTime);
        });
    }

    [Fact]
    public async Task Evening_in_october_2020_is_17_utc()
    {
        var e = ICalendarWriterTests.Sample() with { Start = new DateTimeOffset(2020, 10, 6, 19, 0, 0, TimeSpan.FromHours(2)) };

        var parsed = await ICalJs.ParseAsync(EventCalendarFile.Write("Agenda", [e], DateTimeOffset.UtcNow));

        Assert.Equal(new DateTimeOffset(2020, 10, 6, 17, 0, 0, TimeSpan.Zero), parsed.Events[0].Start.Utc);
        Assert.Equal("2020-10-06T19:00:00", parsed.Events[0].Start.Local);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
