using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Schuldketen.Functions.Http;

/// <summary><c>/health/live</c>: the process runs. <c>/health/ready</c>: it can take events (the database answers).</summary>
public static class Health
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        routes.MapHealthChecks("/health/ready").ExcludeFromDescription();
    }
}
