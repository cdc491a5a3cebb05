using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Events.Registrations;

public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,

    /// <summary>A freed seat is held for this waitlisted person until <see cref="EventRegistration.OfferExpiresUtc"/>.</summary>
    Offered,
    Cancelled,
    Attended,
}

/// <summary>
/// One person's registration for one event. Personal data (name, email, answers) is blanked by
/// anonymisation; the row stays so counts and the audit trail remain true.
/// </summary>
public sealed class EventRegistration
{
    /// <summary>Also the arrival order: rows for one event are inserted one at a time under its lock.</summary>
    public long Id { get; set; }

    /// <summary>Stable identity for the calendar UID and mail dedupe keys.</summary>
    public Guid Key { get; set; }

    public Guid EventKey { get; set; }
    public required string Name { get; set; }

    /// <summary>Trimmed and lower-cased, so one address is one person.</summary>
    public required string Email { get; set; }

    /// <summary><see cref="RegistrationAnswers"/> as JSON, or null.</summary>
    public string? Answers { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>The secret in the personal link (view, cancel, claim an offer). 256 random bits.</summary>
    public required string Token { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? OfferExpiresUtc { get; set; }

    /// <summary>SEQUENCE of the last calendar entry sent (-1: none yet); each new one raises it.</summary>
    public int IcsSequence { get; set; } = -1;

    public DateTime? AnonymisedUtc { get; set; }

    public bool HoldsSeat => Status is RegistrationStatus.Confirmed or RegistrationStatus.Offered or RegistrationStatus.Attended;
}

internal sealed class EventRegistrationMapping : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> e)
    {
        e.ToTable("Registrations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Answers).HasMaxLength(4000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Token).HasMaxLength(64);
        e.Ignore(x => x.HoldsSeat);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => x.Token).IsUnique();
        e.HasIndex(x => new { x.EventKey, x.Status });
        e.HasIndex(x => x.Email);
        e.HasIndex(x => new { x.Status, x.OfferExpiresUtc });
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.EventKey).OnDelete(DeleteBehavior.Cascade);
    }
}
