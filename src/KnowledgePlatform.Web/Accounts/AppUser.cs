using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>A back-office user. Readers and subscribers have no account.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when an administrator deactivates the account; sign-in is refused and sessions end.</summary>
    public DateTime? DeactivatedUtc { get; set; }
}

internal sealed class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e) => e.Property(x => x.DisplayName).HasMaxLength(200);
}
