namespace KnowledgePlatform.Web.Search;

/// <summary>
/// What the index knows of one published item or person, as plain text (no markup). Engines
/// analyze it with <see cref="Analysis.DutchAnalyzer"/> and keep Title/Summary/Body for snippets.
/// </summary>
/// <param name="Type">The API's type name ("event", "meetingReport", …) or "person".</param>
/// <param name="People">Speakers, authors, facilitators and organisations named by the item.</param>
/// <param name="Terms">Theme, region and other vocabulary terms (name and slug).</param>
/// <param name="DateUtc">Event start for events and workshops, otherwise the publication date.</param>
public sealed record SearchDocument(
    Guid Key,
    string Type,
    string Title,
    string? Summary,
    string? Body,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Terms,
    DateTime? DateUtc,
    string Url,
    IReadOnlyList<SearchFacetValue> Facets)
{
    public const string PersonType = "person";
}

/// <summary>A facet value of a document: <paramref name="Value"/> is what a filter names (a slug), <paramref name="Label"/> what a reader sees.</summary>
public sealed record SearchFacetValue(string Facet, string Value, string Label);
