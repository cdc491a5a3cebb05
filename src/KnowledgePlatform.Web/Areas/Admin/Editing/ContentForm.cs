using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// Everything the edit form posts, for every content type (a type uses its own subset). Flat and
/// string-friendly so it binds from a plain HTML form without JavaScript; <see cref="ContentFormMapping"/>
/// turns it into a <see cref="ContentBody"/> and back.
/// </summary>
public sealed class ContentForm
{
    public ContentType Type { get; set; }

    /// <summary>The version the editor started from (optimistic concurrency); null for a new item.</summary>
    public int? LoadedVersion { get; set; }

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public List<Guid> Terms { get; set; } = [];

    // Events and workshops
    public string? Format { get; set; }
    public DateOnly? StartDate { get; set; }
    public TimeOnly? StartTime { get; set; }
    public DateOnly? EndDate { get; set; }
    public TimeOnly? EndTime { get; set; }
    public bool AllDay { get; set; }
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public string? VenuePostalCode { get; set; }
    public string? VenueCity { get; set; }
    public string? OnlineUrl { get; set; }
    public List<Guid> Organisers { get; set; } = [];
    public List<Guid> Partners { get; set; } = [];
    public List<Guid> Speakers { get; set; } = [];
    public List<ProgrammeRow> Programme { get; set; } = [];
    public string? Audience { get; set; }
    public RegistrationMode RegistrationMode { get; set; }
    public string? RegistrationUrl { get; set; }
    public string? RegistrationInfo { get; set; }
    public int? RegistrationCapacity { get; set; }
    public DateOnly? RegistrationDeadlineDate { get; set; }
    public TimeOnly? RegistrationDeadlineTime { get; set; }
    public bool AskOrganisation { get; set; }
    public bool AskRole { get; set; }
    public bool AskMunicipality { get; set; }
    public bool AskNeeds { get; set; }
    public string? FreeQuestion { get; set; }
    public string? Price { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>Quick-create: a speaker who is not in the list yet, added on save.</summary>
    public string? NewSpeakerName { get; set; }
    public string? NewSpeakerRole { get; set; }

    // Workshops
    public Guid? Facilitator { get; set; }
    public int? MaxParticipants { get; set; }
    public string? Materials { get; set; }

    // Rich text of every type: event body, report body, article body, dossier intro.
    public string? Body { get; set; }

    // Meeting reports and articles
    public Guid? Event { get; set; }
    public string? Outcomes { get; set; }
    public List<Guid> Authors { get; set; } = [];
    public string? Lead { get; set; }

    // Dossiers (in order)
    public List<Guid> Items { get; set; } = [];

    // Events, workshops and reports: presentations and documents from the media library
    public List<AttachmentRow> Attachments { get; set; } = [];

    public bool IsEvent => Type is ContentType.Event or ContentType.Workshop;
}

/// <summary>One attachment row; speaker and programme item are offered for events only.</summary>
public sealed class AttachmentRow
{
    public Guid? Media { get; set; }
    public string? Title { get; set; }
    public Guid? Speaker { get; set; }

    /// <summary>The programme item it belongs to, counted from 1.</summary>
    public int? ProgrammeItem { get; set; }

    public bool IsEmpty => Media is null && string.IsNullOrWhiteSpace(Title);
}

public sealed class ProgrammeRow
{
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<Guid> Speakers { get; set; } = [];
}
