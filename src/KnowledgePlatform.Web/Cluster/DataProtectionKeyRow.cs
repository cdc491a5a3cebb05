using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>One ASP.NET Core Data Protection key (its XML as the key manager writes it).</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyRowMapping : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> e)
    {
        e.ToTable("DataProtectionKeys");
        e.HasKey(x => x.Id);
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
