using System.Text.Json.Serialization;

namespace KnowledgePlatform.Web.Content;

/// <summary>A bijeenkomst. Times carry their Europe/Amsterdam offset.</summary>
public record EventContent : ContentBody
{
    /// <summary>"Themabijeenkomst", "Studiemiddag", "Collegereeks": the label readers know it by.</summary>
    public string? Format { get; init; }

    public required DateTimeOffset Start { get; init; }
    public DateTimeOffset? End { get; init; }

    /// <summary>Only the date is known or relevant: no times are shown and calendars get a date.</summary>
    public bool AllDay { get; init; }

    public Venue? Venue { get; init; }

    /// <summary>Set for online events (also hybrid ones, together with a venue).</summary>
    public string? OnlineUrl { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Body { get; init; }

    public IReadOnlyList<Guid> Organisers { get; init; } = [];

    /// <summary>Organisations it is held "in samenwerking met", apart from the organisers.</summary>
    public IReadOnlyList<Guid> Partners { get; init; } = [];
    public IReadOnlyList<Guid> Speakers { get; init; } = [];
    public IReadOnlyList<ProgrammeItem> Programme { get; init; } = [];
    public string? Audience { get; init; }
    public Registration Registration { get; init; } = new();
    public string? Price { get; init; }
    public bool Cancelled { get; init; }

    /// <summary>Presentations and hand-outs from the media library; null when there are none (so older files stay unchanged).</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonIgnore]
    public override ContentType Type => ContentType.Event;
}

/// <summary>A document from the media library (PDF or Office) shown with an event or a report: a presentation, a hand-out.</summary>
public sealed record Attachment
{
    /// <summary>The media item's id.</summary>
    public required Guid Media { get; init; }

    /// <summary>What readers see as the link: "Presentatie Mirjam de Vries".</summary>
    public required string Title { get; init; }

    /// <summary>Events: whose presentation it is (becomes one of the event's speakers).</summary>
    public Guid? Speaker { get; init; }

    /// <summary>Events: the programme item it belongs to, counted from 1; null for the event as a whole.</summary>
    public int? ProgrammeItem { get; init; }
}

public sealed record Venue
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public required string City { get; init; }
}

/// <summary>A programme item (onderdeel). Times are optional: many programmes only give an order.</summary>
public sealed record ProgrammeItem
{
    public TimeOnly? StartTime { get; init; }
    public TimeOnly? EndTime { get; init; }
    public required string Title { get; init; }

    /// <summary>Rich text (sanitized HTML).</summary>
    public string? Description { get; init; }

    public IReadOnlyList<Guid> Speakers { get; init; } = [];
}

public enum RegistrationMode
{
    None,
    External,
    Internal,
}

public sealed record Registration
{
    public RegistrationMode Mode { get; init; } = RegistrationMode.None;
    public string? Url { get; init; }

    /// <summary>Free text such as "Aanmelden via de website van Divosa".</summary>
    public string? Info { get; init; }

    public int? Capacity { get; init; }
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Extra questions on the form (registration here only); null asks name and email only.</summary>
    public RegistrationQuestions? Questions { get; init; }
}

/// <summary>The optional questions an editor switches on; every answer is optional for the registrant.</summary>
public sealed record RegistrationQuestions
{
    public bool Organisation { get; init; }
    public bool Role { get; init; }
    public bool Municipality { get; init; }

    /// <summary>Dietary or accessibility needs.</summary>
    public bool Needs { get; init; }

    /// <summary>The editor's own question (plain text), or null.</summary>
    public string? FreeQuestion { get; init; }
}
