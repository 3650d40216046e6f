using Microsoft.Extensions.Diagnostics.HealthChecks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Storage;

/// <summary>Ready means the database answers.</summary>
public sealed class StoreHealthCheck(TrajectoryStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
