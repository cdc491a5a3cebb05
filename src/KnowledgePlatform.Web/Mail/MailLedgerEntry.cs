using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Mail;

/// <summary>Where a ledger row stands. Sent, Failed, Uncertain, Cancelled and Skipped are final.</summary>
public enum MailState
{
    Queued = 0,
    Claimed = 1,
    InFlight = 2,
    Sent = 3,
    Failed = 4,
    Uncertain = 5,
    Held = 6,
    Cancelled = 7,
    Skipped = 8,
}

/// <summary>
/// One mail to one recipient: the ledger row the dispatcher claims, sends and stamps. A row carries
/// its content (Subject/Html/Text), or — for bulk sends — only a group and recipient reference from
/// which an <see cref="IMailContentSource"/> renders it at send time, so 100,000 rows stay small.
/// </summary>
public sealed class MailLedgerEntry
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string DedupeKey { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public string? Subject { get; set; }
    public string? Html { get; set; }
    public string? Text { get; set; }

    /// <summary>JSON: extra headers, reply-to and attachments (see <see cref="StoredMailParts"/>).</summary>
    public string? Parts { get; set; }

    /// <summary>A bulk send this row belongs to (a newsletter send), for progress, pause and cancel.</summary>
    public long? GroupId { get; set; }

    /// <summary>What the content source renders for (a subscriber id).</summary>
    public long? RecipientRef { get; set; }

    public MailState State { get; set; }

    /// <summary>0 for a single mail (a confirmation must not wait behind a newsletter), 1 for bulk.</summary>
    public int Priority { get; set; }

    public int Attempts { get; set; }

    /// <summary>Unix milliseconds: not claimed before (retry backoff).</summary>
    public long DueAtMs { get; set; }

    public string? LeaseOwner { get; set; }

    /// <summary>Unix milliseconds: the claim ends here.</summary>
    public long LeaseUntilMs { get; set; }

    /// <summary>Without angle brackets; stamped when the row first goes on the wire, the same on every later attempt.</summary>
    public string? MessageId { get; set; }

    public string? LastReply { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

internal sealed class MailLedgerEntryMapping : IEntityTypeConfiguration<MailLedgerEntry>
{
    public void Configure(EntityTypeBuilder<MailLedgerEntry> e)
    {
        e.ToTable("MailLedger");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.DedupeKey).HasMaxLength(200);
        e.Property(x => x.ToAddress).HasMaxLength(254);
        e.Property(x => x.ToName).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(998);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.Property(x => x.MessageId).HasMaxLength(200);
        e.Property(x => x.LastReply).HasMaxLength(500);
        e.HasIndex(x => x.DedupeKey).IsUnique();
        e.HasIndex(x => new { x.State, x.Priority, x.Id });
        e.HasIndex(x => new { x.GroupId, x.State });
        e.HasIndex(x => x.RecipientRef);
    }
}
