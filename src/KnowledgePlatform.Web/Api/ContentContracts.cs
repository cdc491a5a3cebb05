using System.Text.Json.Nodes;

namespace KnowledgePlatform.Web.Api;

// The delivery API's contract: stable records, never entities. Dates are ISO 8601 with the
// Europe/Amsterdam offset; URLs are absolute.

public sealed record TermRef(string Vocabulary, string Slug, string Name);

public sealed record PersonRef(string Slug, string Name, string? Role, string Url);

public sealed record OrganisationRef(string Slug, string Name, string? Website);

public sealed record ContentSummary(
    Guid Key,
    string Type,
    string Title,
    string Slug,
    string Url,
    string? Summary,
    DateTimeOffset? Date,
    DateTimeOffset? EndDate,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<TermRef> Terms);

/// <summary>
/// A document attached to an event or report (a presentation, a hand-out): its title, absolute download URL,
/// MIME type, readers' file type ("PDF", "PowerPoint"), size in bytes, the speaker it belongs to and the
/// programme item (counted from 1), when set.
/// </summary>
public sealed record AttachmentRef(string Title, string Url, string ContentType, string FileType, long Length, PersonRef? Speaker, int? ProgrammeItem);

public sealed record ContentPage(int Total, int Page, int PageSize, IReadOnlyList<ContentSummary> Items);

/// <summary>
/// One item with its fields (the same shape as its uSync file's "content"), the people,
/// organisations and terms it names, its attachments (events and reports) and related published items.
/// </summary>
public sealed record ContentDetail(
    ContentSummary Item,
    JsonObject Fields,
    IReadOnlyList<PersonRef> People,
    IReadOnlyList<OrganisationRef> Organisations,
    IReadOnlyList<ContentSummary> Related,
    IReadOnlyList<AttachmentRef> Attachments);
