using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// Per event: the row every change to its registrations locks first (FOR UPDATE on PostgreSQL;
/// SQLite's single writer), so seats are counted and given out one at a time. Also remembers what
/// registrants were last told, to notice changes worth a mail.
/// </summary>
public sealed class RegistrationEvent
{
    public Guid EventKey { get; set; }

    /// <summary>The capacity last applied; null is unlimited.</summary>
    public int? Capacity { get; set; }

    /// <summary>Time, place, online link and cancellation as last sent (<see cref="EventDetails.Fingerprint"/>).</summary>
    public string? DetailsFingerprint { get; set; }

    /// <summary>Set when the day-before reminders were queued, so they are queued once.</summary>
    public DateTime? RemindedUtc { get; set; }

    /// <summary>Set when the registrations were anonymised after the retention period.</summary>
    public DateTime? AnonymisedUtc { get; set; }
}

internal sealed class RegistrationEventMapping : IEntityTypeConfiguration<RegistrationEvent>
{
    public void Configure(EntityTypeBuilder<RegistrationEvent> e)
    {
        e.ToTable("RegistrationEvents");
        e.HasKey(x => x.EventKey);
        e.Property(x => x.DetailsFingerprint).HasMaxLength(128);
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.EventKey).OnDelete(DeleteBehavior.Cascade);
    }
}
