using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// A named lease in the database: "who runs job X until when". For work that is not a row of its
/// own to claim (a periodic clean-up, "send the reminders of 14:00"), so several instances run it
/// once: the one that acquires the lease does it; an instance that dies leaves a lease that lapses.
/// Work that is a row (an outbox message, a scheduled item) should claim the row itself
/// (<see cref="OutboxClaims"/> shows how), with the same lease idea.
/// </summary>
public sealed class ClusterLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresUtc { get; set; }

    /// <summary>
    /// True when <paramref name="holder"/> now holds <paramref name="name"/> until now + duration:
    /// it was free, lapsed, or already this holder's (then it is extended). One atomic statement.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(
        KnowledgeDbContext db, string name, string holder, DateTime nowUtc, TimeSpan duration, CancellationToken ct)
    {
        var until = nowUtc + duration;
        var rows = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ClusterLeases" ("Name", "Holder", "ExpiresUtc") VALUES ({name}, {holder}, {until})
                ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresUtc" = excluded."ExpiresUtc"
                WHERE "ClusterLeases"."ExpiresUtc" <= {nowUtc} OR "ClusterLeases"."Holder" = excluded."Holder"
                """, ct)
            : await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ClusterLeases" ("Name", "Holder", "ExpiresUtc") VALUES ({name}, {holder}, {SqliteValues.Text(until)})
                ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresUtc" = excluded."ExpiresUtc"
                WHERE "ClusterLeases"."ExpiresUtc" <= {SqliteValues.Text(nowUtc)} OR "ClusterLeases"."Holder" = excluded."Holder"
                """, ct);
        return rows == 1;
    }

    /// <summary>Gives the lease up early (only when <paramref name="holder"/> still holds it).</summary>
    public static Task<int> ReleaseAsync(KnowledgeDbContext db, string name, string holder, CancellationToken ct) =>
        db.Set<ClusterLease>().Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(ct);
}

internal sealed class ClusterLeaseMapping : IEntityTypeConfiguration<ClusterLease>
{
    public void Configure(EntityTypeBuilder<ClusterLease> e)
    {
        e.ToTable("ClusterLeases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Holder).HasMaxLength(200);
    }
}
