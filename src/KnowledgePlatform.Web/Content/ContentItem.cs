namespace KnowledgePlatform.Web.Content;

/// <summary>
/// One content item across all its versions. The columns after <see cref="LiveVersion"/> are a
/// projection of the live version, rewritten on publish, so lists and routing never parse JSON.
/// </summary>
public sealed class ContentItem
{
    public Guid Key { get; set; }
    public ContentType Type { get; set; }
    public ContentStatus Status { get; set; }

    /// <summary>The slug this item reserves: the latest version's. Unique per type.</summary>
    public required string Slug { get; set; }

    public int LatestVersion { get; set; }
    public int? LiveVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>First publication; kept through later edits and republishing.</summary>
    public DateTime? PublishedUtc { get; set; }

    public string? LiveSlug { get; set; }
    public string? LiveTitle { get; set; }
    public string? LiveSummary { get; set; }

    /// <summary>Event start for events and workshops, otherwise the publication date.</summary>
    public DateTime? LiveDateUtc { get; set; }

    public DateTime? LiveEndUtc { get; set; }

    /// <summary>Events and workshops: whether readers can follow it online; null for other types.</summary>
    public bool? LiveOnline { get; set; }

    public bool HasPendingDraft => LiveVersion is null || LatestVersion > LiveVersion;
}

/// <summary>A saved snapshot of an item. Never updated or deleted while the item exists.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }
    public Guid ContentKey { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }

    /// <summary>The <see cref="ContentBody"/> as JSON (see <see cref="ContentJson"/>).</summary>
    public required string Body { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? Note { get; set; }
}

/// <summary>An old slug of a published item, answered with a permanent redirect.</summary>
public sealed class SlugRedirect
{
    public long Id { get; set; }
    public ContentType Type { get; set; }
    public required string OldSlug { get; set; }
    public Guid ContentKey { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// A link from a live content item to something it names: a term, a person in a role, an
/// organisation, the event a report covers, a dossier's item. Rewritten on publish; powers
/// speaker pages, related content and "the report is online".
/// </summary>
public sealed class ContentReference
{
    public Guid SourceKey { get; set; }
    public Guid TargetKey { get; set; }
    public ReferenceKind Kind { get; set; }
    public int Position { get; set; }

    /// <summary>The source's first publication, so "the newest items naming X" is an index range.</summary>
    public DateTime? SourcePublishedUtc { get; set; }
}

public enum ReferenceKind
{
    Term,
    Speaker,
    Author,
    Facilitator,
    Organiser,
    ReportedEvent,
    DossierItem,
    NewsletterItem,

    /// <summary>A document from the media library (the target is the media item's id).</summary>
    Attachment,
}
