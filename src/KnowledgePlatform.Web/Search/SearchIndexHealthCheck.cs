using KnowledgePlatform.Web.Api;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Compares the number of indexed items with the number of published ones. A difference right
/// after a publish is normal (the outbox indexes within a second); a lasting one means drift,
/// reported as degraded (search still answers) so an operator runs `search rebuild`.
/// </summary>
internal sealed class SearchIndexHealthCheck(KnowledgeDbContext db, ISearchEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var published = await db.ContentItems.CountAsync(i => i.Status == ContentStatus.Published, cancellationToken);
            var types = Enum.GetValues<ContentType>().Select(ApiNames.Type).ToList();
            var indexed = (await engine.SearchAsync(new SearchQuery(null, new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = types },
                PageSize: 0, IncludeFacets: false), cancellationToken)).Total;
            var data = new Dictionary<string, object> { ["published"] = published, ["indexed"] = indexed };
            return indexed == published
                ? HealthCheckResult.Healthy($"De zoekindex bevat alle {published} gepubliceerde items.", data)
                : HealthCheckResult.Degraded($"De zoekindex bevat {indexed} items, er zijn er {published} gepubliceerd.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("De zoekindex is niet leesbaar.", ex);
        }
    }
}
