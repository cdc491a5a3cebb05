using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgePlatform.Web.Data;

/// <summary>Ready means: the database answers a query now.</summary>
internal sealed class DatabaseHealthCheck(KnowledgeDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("De database is bereikbaar.")
                : HealthCheckResult.Unhealthy("De database is niet bereikbaar.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("De database is niet bereikbaar.", ex);
        }
    }
}
