using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Newsletter;

public enum SendState
{
    Scheduled = 0,
    Sending = 1,
    Paused = 2,
    Cancelled = 3,

    /// <summary>Every ledger row is final.</summary>
    Completed = 4,
}

/// <summary>
/// One sending of a published issue. Its audience is fixed when it is prepared: one mail-ledger row
/// per recipient (GroupId = this Id), rendered at send time.
/// </summary>
public sealed class NewsletterSend
{
    public long Id { get; set; }
    public Guid IssueKey { get; set; }
    public int IssueVersion { get; set; }
    public SendState State { get; set; }
    public DateTime? ScheduledUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public int Recipients { get; set; }

    /// <summary>Why it is paused, in Dutch for the editor ("De mailserver is niet bereikbaar: …").</summary>
    public string? PauseReason { get; set; }

    /// <summary>Paused by the dispatcher because the relay was unreachable: resumed by itself once the relay answers again.</summary>
    public bool PausedForRelay { get; set; }

    public required string CreatedBy { get; set; }
}

internal sealed class NewsletterSendMapping : IEntityTypeConfiguration<NewsletterSend>
{
    public void Configure(EntityTypeBuilder<NewsletterSend> e)
    {
        e.ToTable("NewsletterSends");
        e.HasKey(x => x.Id);
        e.Property(x => x.PauseReason).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.State, x.ScheduledUtc });
        e.HasIndex(x => x.IssueKey);
    }
}
