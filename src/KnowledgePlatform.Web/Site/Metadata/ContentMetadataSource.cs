using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>
/// What a detail page knows about its item, handed to the layout's _Metadata partial through
/// ViewData, so structured data is built from the same loaded data the page shows.
/// </summary>
public sealed record ContentMetadataSource(
    ContentItem Item,
    ContentBody Body,
    IReadOnlyDictionary<Guid, Person> People,
    IReadOnlyDictionary<Guid, Organisation> Organisations)
{
    public const string ViewDataKey = "Metadata.Content";

    public string Path => ContentUrls.For(Item.Type, Body.Slug);

    public IEnumerable<Person> PeopleIn(IEnumerable<Guid> keys) => keys.Distinct().Where(People.ContainsKey).Select(k => People[k]);

    public IEnumerable<Organisation> OrganisationsIn(IEnumerable<Guid> keys) =>
        keys.Distinct().Where(Organisations.ContainsKey).Select(k => Organisations[k]);
}
