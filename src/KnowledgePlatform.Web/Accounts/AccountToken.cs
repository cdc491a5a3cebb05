using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// A one-time link to set a password (an invitation, or the first administrator's link). Only a
/// SHA-256 hash of the secret is stored, so a database dump cannot be used to take over accounts;
/// kept in the database rather than in Data Protection tokens so every node accepts it and it can
/// be used exactly once.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Purpose { get; set; }
    public required string SecretHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}

internal sealed class AccountTokenMapping : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Purpose).HasMaxLength(32);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.HasIndex(x => x.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
