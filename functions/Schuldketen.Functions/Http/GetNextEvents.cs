using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/trajectories/{id}/next-events</c>: the event types the caller's role may send now.</summary>
public static class GetNextEvents
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/trajectories/{id}/next-events", HandleAsync)
            .WithName("getTrajectoryNextEvents")
            .WithTags("Trajecten")
            .WithSummary("List the event types your role may send for this trajectory now")
            .WithDescription("The event types your role may send for this trajectory in its current phase, and the phase-independent ones open to it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<NextEventsView>, ProblemHttpResult>> HandleAsync(
        [Description("The trajectory's pseudonymous id.")] string id, HttpContext context, TrajectoryReader reader, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var next = await reader.NextEventsAsync(id, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return next is null ? HubProblems.TrajectoryNotFound(id) : TypedResults.Ok(next);
    }
}
