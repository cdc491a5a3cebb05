using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Data;

/// <summary>
/// 0002_live_online fills the new column for events published before it existed, from the live
/// version's JSON (not a later draft's), and leaves other types and unpublished items null.
/// </summary>
public abstract class LiveOnlineMigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_events_get_LiveOnline_from_their_live_version()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        DataSetup.Configure(options, new DatabaseSettings(provider, database.ConnectionString, database.DataPath));
        await using var db = new KnowledgeDbContext(options.Options);
        var scripts = MigrationRunner.Scripts(provider).ToDictionary(s => s.Version, s => s.Sql);

        await ExecuteAsync(db, scripts["0001_initial"]);
        // A constant SQL expression for the NOT NULL timestamps; no input reaches this SQL.
        var now = provider == DatabaseProvider.Postgres ? "now()" : "'2024-01-01 00:00:00'";
        await ExecuteAsync(db, """
            INSERT INTO "ContentItems" ("Key", "Type", "Status", "Slug", "LatestVersion", "LiveVersion", "CreatedUtc", "UpdatedUtc") VALUES
              ('00000000-0000-0000-0000-00000000000a', 'Event', 'Published', 'a', 2, 1, {now}, {now}),
              ('00000000-0000-0000-0000-00000000000b', 'Workshop', 'Published', 'b', 1, 1, {now}, {now}),
              ('00000000-0000-0000-0000-00000000000c', 'MeetingReport', 'Published', 'c', 1, 1, {now}, {now}),
              ('00000000-0000-0000-0000-00000000000d', 'Event', 'Draft', 'd', 1, NULL, {now}, {now});
            INSERT INTO "ContentVersions" ("ContentKey", "Number", "Title", "Slug", "Body", "CreatedBy", "CreatedUtc") VALUES
              ('00000000-0000-0000-0000-00000000000a', 1, 't', 'a', '{"type": "event", "onlineUrl": "https://example.org"}', 'e', {now}),
              ('00000000-0000-0000-0000-00000000000a', 2, 't', 'a', '{"type": "event"}', 'e', {now}),
              ('00000000-0000-0000-0000-00000000000b', 1, 't', 'b', '{"type": "workshop"}', 'e', {now}),
              ('00000000-0000-0000-0000-00000000000c', 1, 't', 'c', '{"type": "meetingReport"}', 'e', {now}),
              ('00000000-0000-0000-0000-00000000000d', 1, 't', 'd', '{"type": "event", "onlineUrl": "https://example.org"}', 'e', {now});
            """.Replace("{now}", now, StringComparison.Ordinal));
        await ExecuteAsync(db, scripts["0002_live_online"]);

        var online = await db.Database.SqlQueryRaw<OnlineRow>("""SELECT "Slug", "LiveOnline" FROM "ContentItems" """).ToListAsync(Ct);
        Assert.Equal([("a", (bool?)true), ("b", false), ("c", null), ("d", null)], online.OrderBy(r => r.Slug, StringComparer.Ordinal).Select(r => (r.Slug, r.LiveOnline)));
    }

    // Plain commands, not ExecuteSqlRaw: that reads the JSON's braces as format placeholders.
    private static async Task ExecuteAsync(KnowledgeDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private sealed record OnlineRow(string Slug, bool? LiveOnline);
}

public sealed class LiveOnlineMigrationTests_Sqlite() : LiveOnlineMigrationTests(DatabaseProvider.Sqlite);

public sealed class LiveOnlineMigrationTests_Postgres() : LiveOnlineMigrationTests(DatabaseProvider.Postgres);
