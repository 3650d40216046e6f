using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary><c>GET /api/v1/trajectories/{id}</c>: one trajectory, as the caller's audience may see it.</summary>
public static class GetTrajectory
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/trajectories/{id}", HandleAsync)
            .WithName("getTrajectory")
            .WithTags("Trajecten")
            .WithSummary("Read one trajectory in your audience's projection")
            .WithDescription("One trajectory, as your audience may see it: case handlers, creditors, the court and referrers each see their own projection, told apart by audience.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<TrajectoryView>, ProblemHttpResult>> HandleAsync(
        [Description("The trajectory's pseudonymous id.")] string id, HttpContext context, TrajectoryReader reader, CancellationToken cancellationToken)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var view = await reader.ViewAsync(id, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return view is null ? HubProblems.TrajectoryNotFound(id) : TypedResults.Ok(view);
    }
}
