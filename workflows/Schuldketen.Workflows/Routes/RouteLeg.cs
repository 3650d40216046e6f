namespace Schuldketen.Workflows.Routes;

/// <summary>
/// One step of a route: the event that moves the trajectory from <see cref="From"/> to <see cref="To"/>. <see cref="ByTimeout"/>
/// when the hub raises it because a deadline passed; into a closing phase, <see cref="Outcomes"/> are the results it may close with.
/// </summary>
public sealed record RouteLeg(string From, string To, string EventType, bool ByTimeout, IReadOnlyList<string> Outcomes);

/// <summary>A simple path from a phase to a closing phase: no phase twice.</summary>
public sealed record RoutePath(IReadOnlyList<RouteLeg> Legs)
{
    public IEnumerable<string> Phases => Legs.Select(leg => leg.From).Append(Legs[^1].To);

    public RouteLeg Closing => Legs[^1];
}
