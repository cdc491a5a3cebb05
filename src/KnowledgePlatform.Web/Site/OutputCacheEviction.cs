using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Any content change may show on any page (lists, related content, dossiers), so it evicts all
/// cached public pages. Cheap at this scale and never stale.
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken ct) =>
        await store.EvictByTagAsync(SiteSetup.ContentTag, ct);
}
