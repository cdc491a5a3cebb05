namespace KnowledgePlatform.Web.Site.Feeds;

/// <summary>An Atom 1.0 feed (RFC 4287), with every URL already absolute.</summary>
/// <param name="Id">Permanent and unique: the feed's own absolute URL.</param>
/// <param name="Author">Atom requires an author per entry or on the feed: the site is the fallback.</param>
public sealed record AtomFeed(
    string Title,
    string? Subtitle,
    Uri Id,
    Uri Self,
    Uri Alternate,
    DateTime UpdatedUtc,
    string Author,
    IReadOnlyList<AtomEntry> Entries);

/// <param name="Id">"urn:uuid:{key}": stays the same when an item's slug or title changes.</param>
public sealed record AtomEntry(
    string Id,
    string Title,
    Uri Link,
    DateTime PublishedUtc,
    DateTime UpdatedUtc,
    string? Summary,
    IReadOnlyList<string> Authors,
    IReadOnlyList<AtomCategory> Categories);

/// <param name="Term">The term's slug; <paramref name="Label"/> is what readers see.</param>
public sealed record AtomCategory(string Term, string Label, Uri Scheme);
