using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Routes;

/// <summary>
/// Dates the routes still open to a trajectory, from its definition, its history and the legal calendar; nothing of it is stored.
/// Each phase on a route is expected to end when the deadline whose timeout leaves it passes; else after its expected duration,
/// moved to the next working day, since a phase ends by somebody's act (a conversation, a decision, a ruling); else, as on the
/// predicted timeline, when the first deadline its leaving stops falls due. The current phase ends no earlier than today. The
/// deadlines on the way are those running now and those the route starts, each due as the Algemene termijnenwet counts it.
/// The main path comes first, then the routes that end soonest.
/// </summary>
public sealed class RoutePlanner(LegalCalendar calendar)
{
    private readonly DeadlineClock clock = new(calendar);

    public IReadOnlyList<RouteAhead> Plan(TrajectoryDefinition definition, IReadOnlyList<HistoryEntry> history, DateOnly today)
    {
        if (history.Count == 0 || definition.Phase(history[^1].Phase).Terminal)
        {
            return [];
        }

        var occurrences = DeadlineClock.Occurrences(history);
        var enteredOn = occurrences.Last(occurrence => occurrence.EnteredPhase is not null).Date!.Value;
        var running = clock.Open(definition, history)
            .Select(open => new RouteDeadline(open.Deadline, open.StartedOn, open.DueOn, Running: true))
            .ToList();
        var paths = RouteFinder.From(definition, history[^1].Phase);
        return paths
            .Select(path => Date(definition, path, paths, occurrences, enteredOn, today, running))
            .OrderBy(route => route.FollowsMainPath ? 0 : 1)
            .ThenBy(route => route.EndsOn ?? DateOnly.MaxValue)
            .ThenBy(route => route.Stops.Count)
            .ToList();
    }

    private RouteAhead Date(
        TrajectoryDefinition definition,
        RoutePath path,
        IReadOnlyList<RoutePath> paths,
        IReadOnlyList<Occurrence> history,
        DateOnly enteredOn,
        DateOnly today,
        IReadOnlyList<RouteDeadline> running)
    {
        var walked = history.ToList();
        var deadlines = running.ToDictionary(deadline => deadline.Deadline.Id, StringComparer.Ordinal);
        var stops = new List<RouteStop>();
        DateOnly? start = enteredOn;
        foreach (var leg in path.Legs)
        {
            var phase = definition.Phase(leg.From);
            var end = start is { } from && EndOf(definition, phase, leg, walked, from) is { } expected
                ? Later(expected, Later(from, today))
                : (DateOnly?)null;
            stops.Add(new RouteStop(phase, start, end, leg));
            walked.Add(new Occurrence(leg.EventType, leg.To, end));
            if (end is { } on && !definition.Phase(leg.To).Terminal)
            {
                foreach (var deadline in definition.Deadlines.Where(deadline => walked[^1].Matches(deadline.From)))
                {
                    var due = calendar.EndOfTerm(on, deadline.Length, deadline.IsStatutory);
                    deadlines[deadline.Id] = new RouteDeadline(deadline, on, due, Running: false);
                }
            }

            start = end;
        }

        var onTheWay = deadlines.Values.OrderBy(deadline => deadline.DueOn).ToList();
        return new RouteAhead(path, stops, definition.Phase(path.Closing.To), start, onTheWay, Turn(path, paths),
            RouteFinder.AlongMainPath(definition, path.Phases.ToList()));
    }

    private DateOnly? EndOf(TrajectoryDefinition definition, Phase phase, RouteLeg leg, List<Occurrence> walked, DateOnly start)
    {
        var timeout = leg.ByTimeout
            ? definition.Deadlines
                .Where(deadline => deadline.OnExpiry == leg.EventType)
                .Select(deadline => clock.OpenAt(deadline, walked)?.ExpiresAt.ToDutchDate())
                .Min()
            : null;
        if (timeout is not null)
        {
            return timeout;
        }

        if (phase.ExpectedDuration is { } expected)
        {
            return calendar.NextWorkingDayOnOrAfter(calendar.EndOfTerm(start, expected.Length, statutory: false));
        }

        List<Occurrence> leaving = [.. walked, new Occurrence(leg.EventType, leg.To, null)];
        return definition.Deadlines.Select(deadline => clock.DueIfStoppedByLast(deadline, leaving)).Min();
    }

    /// <summary>The event type of the first step no other route takes; a route that shares every step is told apart by how it closes.</summary>
    private static string Turn(RoutePath path, IReadOnlyList<RoutePath> paths) =>
        path.Legs.FirstOrDefault(leg => paths.Where(other => !ReferenceEquals(other, path)).All(other => other.Legs.All(step => step.EventType != leg.EventType)))
            ?.EventType
        ?? path.Closing.EventType;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
