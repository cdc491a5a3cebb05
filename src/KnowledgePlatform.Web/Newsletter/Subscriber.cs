using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Newsletter;

public enum SubscriberStatus
{
    /// <summary>Signed up, not yet confirmed: receives nothing but the confirmation mail.</summary>
    Pending = 0,
    Active = 1,
    Paused = 2,
    Unsubscribed = 3,

    /// <summary>Too many permanent failures (or a complaint): no more mail until they sign up again.</summary>
    Bounced = 4,

    /// <summary>Erased on request (GDPR): no address or name left, only this row for the counts and the consent history.</summary>
    Erased = 5,
}

/// <summary>An abonnee. Preferences are term keys (themes and regions) or "alles".</summary>
public sealed class Subscriber
{
    public long Id { get; set; }

    /// <summary>Normalised (see MailboxAddress.Normalize), unique.</summary>
    public required string Email { get; set; }

    public string? Name { get; set; }
    public SubscriberStatus Status { get; set; }
    public bool AllTopics { get; set; }

    /// <summary>Term keys as "|key|key|", so a LIKE can count per term.</summary>
    public string Terms { get; set; } = "|";

    /// <summary>SHA-256 of the single-use confirmation token; null once used.</summary>
    public string? ConfirmationTokenHash { get; set; }

    public DateTime? ConfirmationExpiresUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int BounceCount { get; set; }
    public string? LastBounce { get; set; }

    /// <summary>Where the subscription came from: "form:home", "api", "import:…".</summary>
    public required string Source { get; set; }

    public IReadOnlyList<Guid> TermKeys() =>
        [.. Terms.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    public static string TermsText(IEnumerable<Guid> keys) => "|" + string.Concat(keys.Distinct().Order().Select(k => k + "|"));
}

internal sealed class SubscriberMapping : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> e)
    {
        e.ToTable("Subscribers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Terms).HasMaxLength(4000);
        e.Property(x => x.ConfirmationTokenHash).HasMaxLength(64);
        e.Property(x => x.LastBounce).HasMaxLength(500);
        e.Property(x => x.Source).HasMaxLength(100);
        e.HasIndex(x => x.Email).IsUnique();
        e.HasIndex(x => x.Status);
    }
}

/// <summary>One change of consent: what, when, how, which text, from where. Kept per change.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public long SubscriberId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>"requested", "confirmed", "changed", "paused", "resumed", "unsubscribed", "imported", "bounced".</summary>
    public required string Action { get; set; }

    public required string Source { get; set; }

    /// <summary>The consent text shown at that moment (empty for a withdrawal).</summary>
    public required string Text { get; set; }

    public string? Ip { get; set; }

    /// <summary>The preferences after the change ("alles" or term keys).</summary>
    public string? Preferences { get; set; }
}

internal sealed class ConsentRecordMapping : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> e)
    {
        e.ToTable("ConsentRecords");
        e.HasKey(x => x.Id);
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.Source).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Ip).HasMaxLength(64);
        e.Property(x => x.Preferences).HasMaxLength(4000);
        e.HasIndex(x => x.SubscriberId);
    }
}

/// <summary>An erased or permanently refused address, only as a salted hash: never re-added by mistake.</summary>
public sealed class SuppressedAddress
{
    public required string Hash { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class SuppressedAddressMapping : IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<SuppressedAddress> e)
    {
        e.ToTable("SuppressedAddresses");
        e.HasKey(x => x.Hash);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(40);
    }
}

/// <summary>Installation secrets of this module (link-signing key, hash salt), generated on first use, shared by every instance.</summary>
public sealed class NewsletterSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

internal sealed class NewsletterSecretMapping : IEntityTypeConfiguration<NewsletterSecret>
{
    public void Configure(EntityTypeBuilder<NewsletterSecret> e)
    {
        e.ToTable("NewsletterSecrets");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(40);
        e.Property(x => x.Value).HasMaxLength(200);
    }
}
