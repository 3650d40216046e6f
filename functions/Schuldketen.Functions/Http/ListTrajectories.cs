using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary>
/// <c>GET /api/v1/trajectories</c>: the trajectories the caller's organisation takes part in, newest
/// change first, filtered by phase or by a deadline due within some days (overdue ones included).
/// </summary>
public static class ListTrajectories
{
    private const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/trajectories", HandleAsync)
            .WithName("listTrajectories")
            .WithTags("Trajecten")
            .WithSummary("List the trajectories your organisation takes part in")
            .WithDescription(
                "The trajectories your organisation takes part in, newest change first, each in your audience's projection. " +
                "Filter by phase, or by a deadline due within some days (overdue ones included).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<PageView<TrajectoryView>>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        TrajectoryReader reader,
        TimeProvider time,
        CancellationToken cancellationToken,
        [Description("Only trajectories in this phase (its id, at most 64 characters).")] string? phase = null,
        [Description("Only trajectories with an open deadline due within this many days from today, 0 to 366; overdue ones included.")]
        int? deadlineWithinDays = null,
        [Description("The page to read, from 1.")] int page = 1,
        [Description("The number of trajectories on a page, 1 to 100.")] int pageSize = 20)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return CallerProblems.Unknown();
        }

        var invalid = new List<object>();
        if (page < 1)
        {
            invalid.Add(new { name = "page", reason = "Pages start at 1." });
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            invalid.Add(new { name = "pageSize", reason = $"A page holds 1 to {MaxPageSize} trajectories." });
        }

        if (deadlineWithinDays is < 0 or > 366)
        {
            invalid.Add(new { name = "deadlineWithinDays", reason = "Give a number of days from 0 to 366." });
        }

        if (phase is { Length: > 64 })
        {
            invalid.Add(new { name = "phase", reason = "A phase id has at most 64 characters." });
        }

        // A filter tells what it filters on: an audience that may not see the phase or the deadlines may not filter on them.
        if (phase is not null && !TrajectoryReader.SeesPhase(caller.Role))
        {
            invalid.Add(new { name = "phase", reason = "Your role does not see the phase, so it cannot filter on it." });
        }

        if (deadlineWithinDays is not null && !TrajectoryReader.HandlesCase(caller.Role))
        {
            invalid.Add(new { name = "deadlineWithinDays", reason = "Your role does not see the deadlines, so it cannot filter on them." });
        }

        if (invalid.Count > 0)
        {
            return HubProblems.Create(StatusCodes.Status400BadRequest, "ongeldige-parameter", "Invalid query parameter",
                "One or more query parameters are out of range; see invalidParams.", new Dictionary<string, object?> { ["invalidParams"] = invalid });
        }

        var dueBy = deadlineWithinDays is { } days ? time.GetUtcNow().ToDutchDate().AddDays(days) : (DateOnly?)null;
        var query = new TrajectoryQuery(caller.Organisation, phase, dueBy, page, pageSize);
        return TypedResults.Ok(await reader.ListAsync(query, caller.AsSender(), RequestTrace.TraceParent, cancellationToken));
    }
}
