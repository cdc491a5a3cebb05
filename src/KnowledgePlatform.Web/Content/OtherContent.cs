using System.Text.Json.Serialization;

namespace KnowledgePlatform.Web.Content;

/// <summary>A werkbijeenkomst/werkplaats: an event with a facilitator, a cap and materials.</summary>
public sealed record WorkshopContent : EventContent
{
    // Ordered after the event's own fields so a workshop file reads like an event file plus extras.
    [JsonPropertyOrder(1)]
    public Guid? Facilitator { get; init; }

    [JsonPropertyOrder(2)]
    public int? MaxParticipants { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    [JsonPropertyOrder(3)]
    public string? Materials { get; init; }

    [JsonIgnore]
    public override ContentType Type => ContentType.Workshop;
}

/// <summary>A verslag of an event, with its outcomes or recommendations.</summary>
public sealed record MeetingReportContent : ContentBody
{
    public Guid? Event { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Body { get; init; }

    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<Guid> Authors { get; init; } = [];

    /// <summary>Presentations and documents from the media library; null when there are none.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonIgnore]
    public override ContentType Type => ContentType.MeetingReport;
}

/// <summary>An artikel, usually part of one or more dossiers.</summary>
public sealed record DossierArticleContent : ContentBody
{
    public string? Lead { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Body { get; init; }

    public IReadOnlyList<Guid> Authors { get; init; } = [];

    [JsonIgnore]
    public override ContentType Type => ContentType.DossierArticle;
}

/// <summary>A curated dossier: an intro and an ordered list of articles, reports and events.</summary>
public sealed record DossierContent : ContentBody
{
    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Intro { get; init; }

    public IReadOnlyList<Guid> Items { get; init; } = [];

    [JsonIgnore]
    public override ContentType Type => ContentType.Dossier;
}

/// <summary>One nieuwsbrief edition. The title is the subject line.</summary>
public sealed record NewsletterIssueContent : ContentBody
{
    public string? Preheader { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Intro { get; init; }

    public IReadOnlyList<NewsletterSection> Sections { get; init; } = [];

    [JsonIgnore]
    public override ContentType Type => ContentType.NewsletterIssue;
}

public sealed record NewsletterSection
{
    public required string Title { get; init; }
    public IReadOnlyList<Guid> Items { get; init; } = [];

    /// <summary>Themes/regions this section is limited to: only subscribers with one of them (or "alles") get it. Null: everyone.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? Terms { get; init; }
}
