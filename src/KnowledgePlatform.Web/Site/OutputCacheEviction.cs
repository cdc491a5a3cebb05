using KnowledgePlatform.Web.Cluster;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Any content change may show on any page (lists, related content, dossiers), so it evicts all
/// cached public pages, on every instance. Cheap at this scale and never stale.
/// </summary>
internal sealed class OutputCacheEviction(CacheInvalidation invalidation) : IOutboxHandler
{
    public Task HandleAsync(OutboxMessage message, CancellationToken ct) => invalidation.InvalidateEverywhereAsync(ct);
}
