using System.Data.Common;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Audit;

/// <summary>
/// Audit entries cannot be edited: the database itself refuses UPDATE and DELETE on the table (migration 0090),
/// whatever the statement comes from — raw SQL through the app's own connection or EF — on each provider.
/// </summary>
public abstract class AuditTrailTests(PlatformFixture fixture)
{
    protected PlatformFactory App { get; } = fixture.Factory;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_raw_UPDATE_of_an_audit_entry_is_refused_by_the_database()
    {
        var id = await RecordAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => App.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'vervalst', \"After\" = NULL WHERE \"Id\" = {id}", Ct)));

        var entry = await EntryAsync(id);
        Assert.Equal("redacteur@example.nl", entry.Actor);
        Assert.Contains("Origineel", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_DELETE_of_audit_entries_is_refused_by_the_database()
    {
        var id = await RecordAsync();
        var count = await CountAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => App.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}", Ct)));
        await Assert.ThrowsAnyAsync<DbException>(() => App.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct)));

        Assert.Equal(count, await CountAsync());
        Assert.Equal("content.save", (await EntryAsync(id)).Action);
    }

    [Fact]
    public async Task Changing_or_removing_an_entry_through_EF_fails_and_leaves_it_as_it_was()
    {
        var id = await RecordAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => App.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            (await db.AuditEntries.SingleAsync(a => a.Id == id, Ct)).Actor = "iemand anders";
            await db.SaveChangesAsync(Ct);
        }));
        await Assert.ThrowsAsync<DbUpdateException>(() => App.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            db.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id, Ct));
            await db.SaveChangesAsync(Ct);
        }));
        await Assert.ThrowsAnyAsync<DbException>(() => App.InScopeAsync(sp =>
            PlatformFactory.Db(sp).AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync(Ct)));

        Assert.Equal("redacteur@example.nl", (await EntryAsync(id)).Actor);
    }

    [Fact]
    public async Task New_entries_are_still_written()
    {
        var before = await CountAsync();
        await RecordAsync();
        Assert.Equal(before + 1, await CountAsync());
    }

    protected Task<long> RecordAsync() => App.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var entry = AuditLog.Record(db, "redacteur@example.nl", "content.save", "content", Guid.NewGuid().ToString(), null, new { title = "Origineel" });
        await db.SaveChangesAsync(Ct);
        return entry.Id;
    });

    protected Task<AuditEntry> EntryAsync(long id) =>
        App.InScopeAsync(sp => PlatformFactory.Db(sp).AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id, Ct));

    protected Task<int> CountAsync() => App.InScopeAsync(sp => PlatformFactory.Db(sp).AuditEntries.CountAsync(Ct));
}

public sealed class AuditTrailTests_Sqlite(SqliteFixture fixture) : AuditTrailTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AuditTrailTests_Postgres(PostgresFixture fixture) : AuditTrailTests(fixture), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task TRUNCATE_is_refused_too()
    {
        await RecordAsync();
        var count = await CountAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => App.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"", Ct)));

        Assert.Equal(count, await CountAsync());
    }
}
