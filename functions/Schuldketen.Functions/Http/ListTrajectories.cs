using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Hosting;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Projections;
using Schuldketen.Workflows.Store;

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
            .WithSummary("List the trajectories your organisation takes part in");

    private static async Task<Results<Ok<PageView<TrajectoryView>>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        TrajectoryReader reader,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? phase = null,
        int? deadlineWithinDays = null,
        int page = 1,
        int pageSize = 20)
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
