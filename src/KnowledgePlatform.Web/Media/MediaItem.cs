using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// One uploaded file. The original's bytes never change, so its URL can be cached forever; what an editor
/// can change (alt text, focal point, folder) lives here. <see cref="Version"/> moves on when the focal point
/// does, so crop URLs (which carry it) change with it.
/// </summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }
    public Guid? FolderId { get; set; }

    /// <summary>Server-chosen, URL-safe download name (slug of the uploaded name plus the real extension).</summary>
    public required string FileName { get; set; }

    /// <summary>The name as uploaded, for people; never used for paths.</summary>
    public required string OriginalName { get; set; }

    public MediaFormat Format { get; set; }
    public long Length { get; set; }

    /// <summary>Displayed size (EXIF orientation applied); null for documents.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }
    public bool HasAlpha { get; set; }
    public string? AltText { get; set; }

    /// <summary>Focal point for crops, percent of width/height from the top left.</summary>
    public int FocalX { get; set; } = 50;

    public int FocalY { get; set; } = 50;
    public int Version { get; set; } = 1;
    public required string UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool IsImage => Format.IsImage();

    /// <summary>Stored name under Media:Path: the id only, so nothing of the uploader's reaches the file system.</summary>
    public string StoredName => $"{Id:N}.{Format.Extension()}";
}

/// <summary>A folder of the media library (one level: folders do not nest).</summary>
public sealed class MediaFolder
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class MediaItemMapping : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> e)
    {
        e.ToTable("MediaItems");
        e.HasKey(x => x.Id);
        e.Property(x => x.FileName).HasMaxLength(120);
        e.Property(x => x.OriginalName).HasMaxLength(255);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.AltText).HasMaxLength(500);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.Ignore(x => x.IsImage);
        e.Ignore(x => x.StoredName);
        e.HasIndex(x => new { x.FolderId, x.UploadedUtc });
        e.HasOne<MediaFolder>().WithMany().HasForeignKey(x => x.FolderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediaFolderMapping : IEntityTypeConfiguration<MediaFolder>
{
    public void Configure(EntityTypeBuilder<MediaFolder> e)
    {
        e.ToTable("MediaFolders");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
