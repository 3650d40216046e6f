using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/trajectories/{id}/timeline</c>: for the municipality and the debt counsellor only.</summary>
public static class GetTimeline
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/trajectories/{id}/timeline", HandleAsync)
            .WithName("getTrajectoryTimeline")
            .WithTags("Trajecten")
            .WithSummary("Read the predicted timeline of a trajectory (case handlers)")
            .WithDescription("The phases passed, current and coming, with their (predicted) dates, and the running deadlines. For the municipality and the debt counsellor only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<TimelineView>, ProblemHttpResult>> HandleAsync(
        [Description("The trajectory's pseudonymous id.")] string id, HttpContext context, TrajectoryReader reader, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (!TrajectoryReader.HandlesCase(caller.Role))
        {
            return CallerProblems.RoleMayNot("see a trajectory's timeline", "the municipality and the debt counsellor");
        }

        var result = await reader.TimelineAsync(id, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return result is null ? HubProblems.TrajectoryNotFound(id) : TypedResults.Ok(result);
    }
}
