using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Audit;

/// <summary>
/// One recorded action: who, when, what, and the state before and after (JSON). Written only by
/// <see cref="AuditLog.Record"/>; the application never updates or deletes entries.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.TargetType).HasMaxLength(64);
        e.Property(x => x.TargetId).HasMaxLength(128);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.TargetType, x.TargetId });
        e.HasIndex(x => x.Actor);
    }
}
