using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Mail;

/// <summary>A fixed-window counter of mails caused by visitors (see <see cref="MailAbuseGuard"/>). Addresses are hashed.</summary>
public sealed class MailRateCounter
{
    public required string Scope { get; set; }

    /// <summary>The window number: unix seconds divided by the window length.</summary>
    public long Window { get; set; }

    public int Count { get; set; }
}

internal sealed class MailRateCounterMapping : IEntityTypeConfiguration<MailRateCounter>
{
    public void Configure(EntityTypeBuilder<MailRateCounter> e)
    {
        e.ToTable("MailRateCounters");
        e.HasKey(x => new { x.Scope, x.Window });
        e.Property(x => x.Scope).HasMaxLength(150);
    }
}
