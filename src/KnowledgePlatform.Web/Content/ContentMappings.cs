using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Content;

internal sealed class ContentItemMapping : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Slug).HasMaxLength(120);
        e.Property(x => x.LiveSlug).HasMaxLength(120);
        e.Property(x => x.LiveTitle).HasMaxLength(300);
        e.Ignore(x => x.HasPendingDraft);
        e.HasIndex(x => new { x.Type, x.Slug }).IsUnique();
        e.HasIndex(x => new { x.Type, x.LiveSlug });
        // Page lookups ask for a slug among several types (events and workshops share /agenda).
        e.HasIndex(x => x.LiveSlug);
        // 0130: by start date (lists, the home page, the past agenda in order), covering what the
        // agenda counts of each event, so its counts never visit the rows.
        e.HasIndex(x => new { x.Status, x.LiveDateUtc, x.Type, x.LiveEndUtc, x.LiveVersion, x.LiveOnline, x.LiveMonth, x.Key })
            .HasDatabaseName("IX_ContentItems_Status_LiveDateUtc");
        // 0007, 0130: events not ended yet, covering what the agenda reads of them.
        e.HasIndex(x => new { x.Status, x.LiveEndUtc, x.Type, x.LiveDateUtc, x.LiveVersion, x.LiveOnline, x.LiveMonth, x.Key })
            .HasDatabaseName("IX_ContentItems_Status_LiveEndUtc");
        // Lists, feeds and the home page show the newest publications first.
        e.HasIndex(x => new { x.Status, x.PublishedUtc });
    }
}

internal sealed class ContentVersionMapping : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Slug).HasMaxLength(120);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasIndex(x => new { x.ContentKey, x.Number }).IsUnique();
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlugRedirectMapping : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.OldSlug).HasMaxLength(120);
        e.HasIndex(x => new { x.Type, x.OldSlug }).IsUnique();
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentReferenceMapping : IEntityTypeConfiguration<ContentReference>
{
    public void Configure(EntityTypeBuilder<ContentReference> e)
    {
        e.HasKey(x => new { x.SourceKey, x.Kind, x.TargetKey });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.HasIndex(x => new { x.TargetKey, x.Kind, x.SourcePublishedUtc });
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.SourceKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Slug).HasMaxLength(120);
        e.Property(x => x.Honorific).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(300);
        e.Property(x => x.PhotoUrl).HasMaxLength(500);
        e.Ignore(x => x.DisplayName);
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationKey).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Slug).HasMaxLength(120);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Website).HasMaxLength(500);
        e.Property(x => x.LogoUrl).HasMaxLength(500);
        e.HasIndex(x => x.Slug).IsUnique();
    }
}

internal sealed class VocabularyMapping : IEntityTypeConfiguration<Vocabulary>
{
    public void Configure(EntityTypeBuilder<Vocabulary> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Alias).HasMaxLength(60);
        e.Property(x => x.Name).HasMaxLength(120);
        e.HasIndex(x => x.Alias).IsUnique();
        e.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.VocabularyKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TermMapping : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Slug).HasMaxLength(120);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.VocabularyKey, x.Slug }).IsUnique();
    }
}
