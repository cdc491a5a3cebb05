using System.Text.Json.Serialization;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// The editable body of one content version: everything an editor changes and sync writes.
/// Stored as JSON per version, so every version is a complete, restorable snapshot.
/// Property order here is the order in uSync files, so keep it stable.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EventContent), "event")]
[JsonDerivedType(typeof(WorkshopContent), "workshop")]
[JsonDerivedType(typeof(MeetingReportContent), "meetingReport")]
[JsonDerivedType(typeof(DossierArticleContent), "dossierArticle")]
[JsonDerivedType(typeof(DossierContent), "dossier")]
[JsonDerivedType(typeof(NewsletterIssueContent), "newsletterIssue")]
public abstract record ContentBody
{
    [JsonPropertyOrder(-4)]
    public required string Title { get; init; }

    [JsonPropertyOrder(-3)]
    public required string Slug { get; init; }

    /// <summary>Plain-text teaser for lists, cards, feeds and meta descriptions.</summary>
    [JsonPropertyOrder(-2)]
    public string? Summary { get; init; }

    /// <summary>Taxonomy terms (themes, regions and any vocabulary an administrator added).</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<Guid> Terms { get; init; } = [];

    [JsonIgnore]
    public abstract ContentType Type { get; }
}

public enum ContentType
{
    Event,
    Workshop,
    MeetingReport,
    DossierArticle,
    Dossier,
    NewsletterIssue,
}

public enum ContentStatus
{
    Draft,
    Published,
    Unpublished,
    Archived,
}
