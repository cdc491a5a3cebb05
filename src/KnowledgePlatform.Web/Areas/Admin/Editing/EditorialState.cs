using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// The editorial workflow beside an item's versions: waiting for review, and a scheduled publish
/// or unpublish (UTC; entered in Europe/Amsterdam). ClaimedUntilUtc is the lease of the node
/// carrying out a due schedule, so several nodes never do it twice and a crashed node's claim expires.
/// </summary>
public sealed class EditorialState
{
    public Guid ContentKey { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? PublishAtUtc { get; set; }
    public DateTime? UnpublishAtUtc { get; set; }
    public string? ScheduledBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
}

internal sealed class EditorialStateMapping : IEntityTypeConfiguration<EditorialState>
{
    public void Configure(EntityTypeBuilder<EditorialState> e)
    {
        e.ToTable("EditorialStates");
        e.HasKey(x => x.ContentKey);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.ScheduledBy).HasMaxLength(256);
        e.HasIndex(x => x.PublishAtUtc);
        e.HasIndex(x => x.UnpublishAtUtc);
    }
}

/// <summary>A redirect an editor made by hand: an old address (a path on this site) to a new one, answered with 301.</summary>
public sealed class ManualRedirect
{
    public long Id { get; set; }
    public required string FromPath { get; set; }
    public required string ToPath { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class ManualRedirectMapping : IEntityTypeConfiguration<ManualRedirect>
{
    public void Configure(EntityTypeBuilder<ManualRedirect> e)
    {
        e.ToTable("ManualRedirects");
        e.HasKey(x => x.Id);
        e.Property(x => x.FromPath).HasMaxLength(500);
        e.Property(x => x.ToPath).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.FromPath).IsUnique();
    }
}
