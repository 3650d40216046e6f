using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Schuldketen.Functions.Http;

/// <summary><c>/health/live</c>: the process runs. <c>/health/ready</c>: it can take events (every registered check passes, the database's among them).</summary>
public static class Health
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready").ExcludeFromDescription();
        return app;
    }
}
