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

public sealed record ContentPage(int Total, int Page, int PageSize, IReadOnlyList<ContentSummary> Items);

/// <summary>
/// One item with its fields (the same shape as its uSync file's "content"), the people,
/// organisations and terms it names, and related published items.
/// </summary>
public sealed record ContentDetail(
    ContentSummary Item,
    JsonObject Fields,
    IReadOnlyList<PersonRef> People,
    IReadOnlyList<OrganisationRef> Organisations,
    IReadOnlyList<ContentSummary> Related);
