using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// Serialises every change to one event's registrations. Call inside a transaction; the lock is
/// held until it commits. PostgreSQL: the event's <see cref="RegistrationEvent"/> row is locked
/// with SELECT … FOR UPDATE (other events are not blocked). SQLite: transactions here start with
/// BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so the connection already holds the
/// database's only write lock; reading after taking it is what makes the count exact.
/// </summary>
public static class EventLock
{
    public static async Task<RegistrationEvent> AcquireAsync(KnowledgeDbContext db, Guid eventKey, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("EventLock needs a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "RegistrationEvents" ("EventKey") VALUES ({eventKey}) ON CONFLICT DO NOTHING""", ct);
            return await db.RegistrationEvents()
                .FromSqlInterpolated($"""SELECT * FROM "RegistrationEvents" WHERE "EventKey" = {eventKey} FOR UPDATE""")
                .SingleAsync(ct);
        }

        // Holding the write lock already, so look-then-insert cannot race.
        var row = await db.RegistrationEvents().SingleOrDefaultAsync(e => e.EventKey == eventKey, ct);
        if (row is null)
        {
            row = new RegistrationEvent { EventKey = eventKey };
            db.RegistrationEvents().Add(row);
            await db.SaveChangesAsync(ct);
        }

        return row;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in its own transaction holding the event's lock — or, when the
    /// caller has a transaction open (erasing a person everywhere at once), in that one: the lock
    /// is then held until the caller commits.
    /// </summary>
    public static async Task<T> WithLockAsync<T>(KnowledgeDbContext db, Guid eventKey, Func<RegistrationEvent, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var result = await work(await AcquireAsync(db, eventKey, ct));
            await db.SaveChangesAsync(ct);
            return result;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await AcquireAsync(db, eventKey, ct);
        var done = await work(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return done;
    }
}
