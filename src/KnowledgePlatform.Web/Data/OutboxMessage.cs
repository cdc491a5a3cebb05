using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// A fact recorded in the same transaction as the change it describes ("item X was published").
/// Reactions (reindex, cache eviction, mails) are driven from here, so a crash between the change
/// and its reactions is healed by processing the row later instead of drifting.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public Guid? ContentKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Which claim (one instance's batch) holds the row until <see cref="ClaimedUntilUtc"/>.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>After this the claim lapses, so a row of an instance that died is handled elsewhere.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.LastError).HasMaxLength(2000);
        e.HasIndex(x => x.ProcessedUtc);
    }
}

/// <summary>A site-wide setting (site name, tagline, …) as a key/value pair.</summary>
public sealed class SiteSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

internal sealed class SiteSettingMapping : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(4000);
    }
}
