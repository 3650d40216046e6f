using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Routes;

/// <summary>
/// A route ahead with its dates: the phases on the way with the day each is expected to end, the closing phase, the day the route
/// is expected to end, and every deadline that runs on the way. <see cref="Turn"/> is the event type that sets it apart from the
/// other routes; <see cref="FollowsMainPath"/> when it is the definition's main path, the route the predicted timeline shows.
/// </summary>
public sealed record RouteAhead(
    RoutePath Path,
    IReadOnlyList<RouteStop> Stops,
    Phase Closing,
    DateOnly? EndsOn,
    IReadOnlyList<RouteDeadline> Deadlines,
    string Turn,
    bool FollowsMainPath)
{
    public IReadOnlyList<string> Outcomes => Path.Closing.Outcomes;
}

/// <summary>
/// A phase on a route, left by <see cref="Leaving"/>. The dates are null once a phase on the way has neither an expected duration
/// nor a deadline that says when it ends.
/// </summary>
public sealed record RouteStop(Phase Phase, DateOnly? StartsOn, DateOnly? EndsOn, RouteLeg Leaving);

/// <summary>A deadline on a route: <see cref="Running"/> when its clock runs already, else from the day the route is expected to start it.</summary>
public sealed record RouteDeadline(Deadline Deadline, DateOnly StartsOn, DateOnly DueOn, bool Running);
