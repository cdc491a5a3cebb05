using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Sync;

/// <summary>Database rows as they look in uSync files, so export and plan share one view.</summary>
public static class SyncMapping
{
    public static VocabularyFile ToFile(Vocabulary v) => new()
    {
        Key = v.Key,
        Alias = v.Alias,
        Name = v.Name,
        Terms = [.. v.Terms.OrderBy(t => t.SortOrder).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TermFile { Key = t.Key, Slug = t.Slug, Name = t.Name })],
    };

    public static OrganisationFile ToFile(Organisation o) => new()
    {
        Key = o.Key, Slug = o.Slug, Name = o.Name, Website = o.Website, LogoUrl = o.LogoUrl,
    };

    public static PersonFile ToFile(Person p) => new()
    {
        Key = p.Key,
        Slug = p.Slug,
        Honorific = p.Honorific,
        Name = p.Name,
        Role = p.Role,
        Organisation = p.OrganisationKey,
        Bio = p.Bio,
        PhotoUrl = p.PhotoUrl,
    };

    public static MediaFile ToFile(Media.MediaItem m) => new()
    {
        Key = m.Id, OriginalName = m.OriginalName, AltText = m.AltText, FocalX = m.FocalX, FocalY = m.FocalY,
    };

    /// <summary>A published item is exported as its live version; anything else as its latest.</summary>
    public static ContentFile ToFile(ContentItem item, ContentBody body) => new()
    {
        Key = item.Key,
        Status = item.Status,
        PublishedAt = item.PublishedUtc is { } utc ? DutchTime.ToAmsterdam(utc) : null,
        Content = body,
    };

    public static int VersionToExport(ContentItem item) =>
        item.Status == ContentStatus.Published && item.LiveVersion is { } live ? live : item.LatestVersion;

    /// <summary>Whether two files describe the same state (instants compared as instants).</summary>
    public static bool SameState(ContentFile a, ContentFile b) =>
        a.Status == b.Status
        && a.PublishedAt?.UtcDateTime == b.PublishedAt?.UtcDateTime
        && ContentJson.Serialize(a.Content) == ContentJson.Serialize(b.Content);

    public static void Apply(OrganisationFile f, Organisation o)
    {
        o.Slug = f.Slug;
        o.Name = f.Name;
        o.Website = f.Website;
        o.LogoUrl = f.LogoUrl;
    }

    public static void Apply(PersonFile f, Person p)
    {
        p.Slug = f.Slug;
        p.Honorific = f.Honorific;
        p.Name = f.Name;
        p.Role = f.Role;
        p.OrganisationKey = f.Organisation;
        p.Bio = f.Bio;
        p.PhotoUrl = f.PhotoUrl;
    }
}
