using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Content;
using static KnowledgePlatform.Web.Site.Metadata.JsonLd;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>schema.org <c>Article</c> for a meeting report (verslag) or a dossier article.</summary>
public static class ArticleStructuredData
{
    public static JsonObject Build(ContentMetadataSource source, IReadOnlyList<Guid> authors, string? description, SiteOptions site, string siteName)
    {
        var url = site.Absolute(source.Path).AbsoluteUri;
        var people = source.PeopleIn(authors)
            .Select(p => Thing("Person", ("name", p.DisplayName), ("url", site.Absolute(ContentUrls.Person(p.Slug)).AbsoluteUri)))
            .ToList();
        var publisher = Thing("Organization",
            ("name", siteName),
            ("url", site.BaseUri.AbsoluteUri),
            ("logo", Thing("ImageObject", ("url", site.Absolute("/favicon.svg").AbsoluteUri))));
        var thing = Thing("Article",
            ("headline", Text(source.Body.Title)),
            ("description", Text(description)),
            ("url", url),
            ("mainEntityOfPage", url),
            ("inLanguage", "nl-NL"),
            ("datePublished", source.Item.PublishedUtc is { } published ? Instant(new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc))) : null),
            // Written by the editors when no author is named: the platform is then the author.
            ("author", people.Count > 0 ? Array(people) : EventStructuredData.Organisation(siteName, site.BaseUri.AbsoluteUri)),
            ("publisher", publisher));
        thing.Insert(0, "@context", Context);
        return thing;
    }
}
