using System.Globalization;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;
using Microsoft.Data.Sqlite;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// The agenda filters and counts by the Amsterdam month an event starts in, stored per event
/// (<see cref="ContentItem.LiveMonth"/>): written in .NET on publish, and by SQL for events
/// published before the column existed (SQLite knows no time zones, so its migration spells out
/// the summer-time rule).
/// </summary>
public sealed class AmsterdamMonthsTests
{
    private static int Expected(DateTime utc) => int.Parse(DutchTime.ToAmsterdam(utc).ToString("yyyyMM", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2020-09-30T21:59:00Z", 202009)]
    [InlineData("2020-09-30T22:00:00Z", 202010)] // summer time: midnight is 22:00 UTC
    [InlineData("2020-10-31T22:59:00Z", 202010)] // winter time since 25 October: midnight is 23:00 UTC
    [InlineData("2020-10-31T23:00:00Z", 202011)]
    [InlineData("2020-12-31T23:00:00Z", 202101)]
    public void An_event_is_stored_under_the_month_it_starts_in_in_amsterdam(string utc, int month) =>
        Assert.Equal(month, ContentItem.MonthOf(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void The_sqlite_migration_gives_every_quarter_hour_around_month_ends_of_twenty_years_its_amsterdam_month()
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Execute(db, """CREATE TABLE "ContentItems" ("Type" TEXT, "LiveDateUtc" TEXT, "LiveMonth" INTEGER)""");
        var instants = new List<DateTime>();
        for (var month = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc); month.Year < 2035; month = month.AddMonths(1))
        {
            // The last and first day of each month: where +1 h and +2 h can fall in different months.
            for (var utc = month.AddDays(-1); utc < month.AddDays(1); utc = utc.AddMinutes(15))
            {
                instants.Add(utc.AddSeconds(7.25)); // EF writes fractions of seconds too
            }
        }

        using (var insert = db.CreateCommand())
        {
            insert.CommandText = """INSERT INTO "ContentItems" VALUES ('Event', $at, NULL)""";
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            foreach (var utc in instants)
            {
                at.Value = utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                insert.ExecuteNonQuery();
            }
        }

        Execute(db, BackfillStatement());
        using var read = db.CreateCommand();
        read.CommandText = """SELECT "LiveMonth" FROM "ContentItems" ORDER BY rowid""";
        using var rows = read.ExecuteReader();
        foreach (var utc in instants)
        {
            Assert.True(rows.Read());
            Assert.True(Expected(utc) == rows.GetInt32(0), $"{utc:O}: {Expected(utc)} expected, {rows.GetInt32(0)} given");
        }
    }

    [Theory]
    [InlineData("2020-10", 202010)]
    [InlineData("0001-01", 101)]
    public void A_query_value_is_a_stored_month_and_back(string value, int month)
    {
        Assert.Equal(month, AmsterdamMonths.Number(value));
        Assert.Equal(value, AmsterdamMonths.Value(month));
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("oktober")]
    [InlineData("2020-1")]
    [InlineData("")]
    public void A_value_that_is_no_month_has_no_number(string value) => Assert.Null(AmsterdamMonths.Number(value));

    /// <summary>The UPDATE of migration 0130 (SQLite), as shipped.</summary>
    private static string BackfillStatement()
    {
        var script = MigrationRunner.Scripts(DatabaseProvider.Sqlite).Single(s => s.Version == "0130_live_month").Sql;
        var start = script.IndexOf("UPDATE", StringComparison.Ordinal);
        return script[start..(script.IndexOf(';', start) + 1)];
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
