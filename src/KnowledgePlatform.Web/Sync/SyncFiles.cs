using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Sync;

// The shapes of the files in uSync/. One file per item, named {key}.json, in a folder per kind.
// Property order is declaration order; keep it stable so diffs show only real changes.

public sealed record ContentFile
{
    public required Guid Key { get; init; }
    public required ContentStatus Status { get; init; }

    /// <summary>When the item was first published; null for never-published drafts.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public required ContentBody Content { get; init; }
}

public sealed record PersonFile
{
    public required Guid Key { get; init; }
    public required string Slug { get; init; }
    public string? Honorific { get; init; }
    public required string Name { get; init; }
    public string? Role { get; init; }
    public Guid? Organisation { get; init; }
    public string? Bio { get; init; }
    public string? PhotoUrl { get; init; }
}

public sealed record OrganisationFile
{
    public required Guid Key { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string? Website { get; init; }
    public string? LogoUrl { get; init; }
}

public sealed record VocabularyFile
{
    public required Guid Key { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<TermFile> Terms { get; init; } = [];
}

public sealed record TermFile
{
    public required Guid Key { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
}

/// <summary>
/// A media library item: uSync/media/{key}.json beside its bytes, uSync/media/{key}.{ext}. The download name
/// is made from <see cref="OriginalName"/> on import, as on upload; folders are not part of uSync.
/// </summary>
public sealed record MediaFile
{
    public required Guid Key { get; init; }
    public required string OriginalName { get; init; }
    public string? AltText { get; init; }
    public int FocalX { get; init; } = 50;
    public int FocalY { get; init; } = 50;
}

/// <summary>Site-wide settings, one file: uSync/settings/site.json.</summary>
public sealed record SiteSettingsFile
{
    public required string SiteName { get; init; }
    public string? Tagline { get; init; }
    public string? ContactEmail { get; init; }

    /// <summary>The platform's brand colour ("#005a74"): header, buttons and links. Must reach 4.5:1 against white.</summary>
    public string? BrandColor { get; init; }

    /// <summary>The platform's logo (https or a site path), shown beside the site name.</summary>
    public string? LogoUrl { get; init; }
}
