using System.Globalization;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Data;

/// <summary>
/// 0130_live_month gives events published before it existed the Amsterdam month they start in
/// (the same value publishing writes), also in the hours where UTC and Amsterdam months differ,
/// and leaves other types null.
/// </summary>
public abstract class LiveMonthMigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Month ends in winter and summer time, the nights the clocks change, and a new year's eve.
    private static readonly DateTime[] Starts = [.. new[]
    {
        "2020-01-31T22:59:00", "2020-01-31T23:00:00", "2020-03-29T00:59:00", "2020-03-29T01:00:00", "2020-03-31T21:59:00",
        "2020-03-31T22:00:00", "2020-06-30T21:59:59", "2020-06-30T22:00:00", "2020-09-30T22:30:00", "2020-10-25T00:59:00",
        "2020-10-25T01:00:00", "2020-10-31T22:30:00", "2020-10-31T23:00:00", "2021-12-31T22:59:00", "2021-12-31T23:00:00",
    }.Select(s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc))];

    [Fact]
    public async Task Existing_events_get_the_amsterdam_month_they_start_in()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        DataSetup.Configure(options, new DatabaseSettings(provider, database.ConnectionString, database.DataPath));
        await using var db = new KnowledgeDbContext(options.Options);
        var scripts = MigrationRunner.Scripts(provider);
        foreach (var (_, sql) in scripts.TakeWhile(s => string.CompareOrdinal(s.Version, "0130") < 0))
        {
            await ExecuteAsync(db, sql);
        }

        var now = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var i = 0;
        foreach (var start in Starts)
        {
            i++;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ContentItems" ("Key", "Type", "Status", "Slug", "LatestVersion", "LiveVersion", "CreatedUtc", "UpdatedUtc", "LiveDateUtc")
                VALUES ({Key()}, {(i % 2 == 0 ? "Event" : "Workshop")}, 'Published', {"e" + i}, 1, 1, {now}, {now}, {start})
                """, Ct);
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ContentItems" ("Key", "Type", "Status", "Slug", "LatestVersion", "LiveVersion", "CreatedUtc", "UpdatedUtc", "LiveDateUtc")
            VALUES ({Key()}, 'MeetingReport', 'Published', 'verslag', 1, 1, {now}, {now}, {now})
            """, Ct);
        await ExecuteAsync(db, scripts.Single(s => s.Version == "0130_live_month").Sql);

        var rows = await db.ContentItems.AsNoTracking().Select(c => new { c.Slug, c.LiveDateUtc, c.LiveMonth }).ToListAsync(Ct);
        Assert.Null(rows.Single(r => r.Slug == "verslag").LiveMonth);
        foreach (var row in rows.Where(r => r.Slug != "verslag"))
        {
            var expected = ContentItem.MonthOf(row.LiveDateUtc!.Value);
            Assert.True(expected == row.LiveMonth, $"{row.LiveDateUtc:O}: {expected} expected, {row.LiveMonth} given");
        }
    }

    // SQLite stores keys as text; a Guid parameter would be bound as a blob.
    private object Key() => provider == DatabaseProvider.Sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();

    // Plain commands, not ExecuteSqlRaw: that reads braces in the scripts as format placeholders.
    private static async Task ExecuteAsync(KnowledgeDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}

public sealed class LiveMonthMigrationTests_Sqlite() : LiveMonthMigrationTests(DatabaseProvider.Sqlite);

public sealed class LiveMonthMigrationTests_Postgres() : LiveMonthMigrationTests(DatabaseProvider.Postgres);
