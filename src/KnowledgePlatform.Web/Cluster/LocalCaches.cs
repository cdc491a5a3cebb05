using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// Everything this instance keeps in memory that content changes make stale. Today that is only
/// the output cache of public pages (tag "content"): site settings, menus and search results are
/// read from the database per request. A new in-memory cache must be evicted here too.
/// </summary>
public sealed class LocalCaches(IOutputCacheStore outputCache)
{
    public ValueTask EvictAsync(CancellationToken ct) => outputCache.EvictByTagAsync(SiteSetup.ContentTag, ct);
}
