using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/trajectories/{id}/history</c>: for the municipality and the debt counsellor only.</summary>
public static class GetHistory
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/trajectories/{id}/history", HandleAsync)
            .WithName("getTrajectoryHistory")
            .WithTags("Trajecten")
            .WithSummary("Read the history of a trajectory (case handlers)")
            .WithDescription("Every event applied to the trajectory, in order, with who sent it. For the municipality and the debt counsellor only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntryView>>, ProblemHttpResult>> HandleAsync(
        [Description("The trajectory's pseudonymous id.")] string id, HttpContext context, TrajectoryReader reader, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        if (!TrajectoryReader.HandlesCase(caller.Role))
        {
            return CallerProblems.RoleMayNot("see a trajectory's history", "the municipality and the debt counsellor");
        }

        var result = await reader.HistoryAsync(id, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return result is null ? HubProblems.TrajectoryNotFound(id) : TypedResults.Ok(result);
    }
}
