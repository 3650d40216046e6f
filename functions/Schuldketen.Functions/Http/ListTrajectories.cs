using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Problems;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Projections;

namespace Schuldketen.Functions.Http;

/// <summary>
/// <c>GET /api/v1/trajectories</c>: the trajectories the caller's organisation takes part in, newest
/// change first, filtered by phase or by a deadline due within some days (overdue ones included). Paged by an
/// opaque cursor, so a deep page costs what the first does; the numbered pages stay for existing clients.
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
                "Filter by phase, or by a deadline due within some days (overdue ones included). " +
                "Read on with the cursor in nextCursor (or follow the next link) until a page has none. " +
                "The page parameter is deprecated: it still gives numbered pages with the total count, but a deep page is slow; use cursor.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    parameter.Deprecated = parameter.Name == "page";
                }

                return Task.CompletedTask;
            })
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
        [Description("Where to read on: the nextCursor of the page before. Leave it out for the first page.")] string? cursor = null,
        [Description("Deprecated, use cursor: the numbered page to read, from 1; the answer then also counts every match in total.")] int? page = null,
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

        var after = cursor is null ? null : ListCursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            invalid.Add(new { name = "cursor", reason = "Not a cursor this API gave out: pass the nextCursor of the page before unchanged, or leave it out for the first page." });
        }

        if (cursor is not null && page is not null)
        {
            invalid.Add(new { name = "page", reason = "Give either cursor or page, not both; page is deprecated." });
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
        var query = new TrajectoryQuery(caller.Organisation, phase, dueBy, page ?? 1, pageSize) { After = after, CountAll = page is not null };
        var found = await reader.ListAsync(query, caller.AsSender(), RequestTrace.TraceParent, cancellationToken);
        return TypedResults.Ok(found.NextCursor is { } next ? found with { Next = NextLink(context.Request, next, phase, deadlineWithinDays, pageSize) } : found);
    }

    private static string NextLink(HttpRequest request, string cursor, string? phase, int? deadlineWithinDays, int pageSize)
    {
        var query = new Dictionary<string, string?>
        {
            ["phase"] = phase,
            ["deadlineWithinDays"] = deadlineWithinDays?.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            ["cursor"] = cursor,
        };
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", query.Where(pair => pair.Value is not null));
    }
}
