using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Routes;

/// <summary>
/// The routes still open from a phase: every simple path over the definition's transitions to a closing phase, keeping those
/// that mean something to a resident. Three kinds of transition are no step of a route:
/// <list type="bullet">
/// <item>one that stays in its phase (a home visit, protective administration): it is an event on the way, not a step;</item>
/// <item>one only the hub sends that no deadline raises (a signal coming in): it is news, nobody takes it;</item>
/// <item>a close whose every outcome is stopping (FHIR <c>failed</c>) or going elsewhere (<c>cancelled</c>): that is possible at
/// almost every step and no route anyone plans towards; a route ends with a result (<c>completed</c>) or a decision
/// (<c>rejected</c>).</item>
/// </list>
/// A timeout the hub raises when a deadline passes stays a step (an objection period running out closes the trajectory), unless a
/// partner's event leads to the same phase: then the route is the partner's. A path that leaves a phase for a detour which ends
/// where that phase also leads directly (a crisis first, an objection that is upheld, a court settlement), or closes the same way,
/// is the shorter route with a setback or step on the way, and only the shorter one is kept; a detour along the definition's main
/// path is the main path itself.
/// </summary>
public static class RouteFinder
{
    private static readonly HashSet<string> ResultStatuses =
        new(StringComparer.Ordinal) { TaskStatusCodes.Completed, TaskStatusCodes.Rejected };
    private const string Hub = "hub";

    public static IReadOnlyList<RoutePath> From(TrajectoryDefinition definition, string phase)
    {
        if (definition.Phase(phase).Terminal)
        {
            return [];
        }

        var legs = Legs(definition).ToLookup(leg => leg.From);
        var found = new List<RoutePath>();
        Walk(definition, legs, phase, [phase], [], found);
        return found.Where(path => !IsDetour(definition, legs, path)).ToList();
    }

    private static void Walk(
        TrajectoryDefinition definition,
        ILookup<string, RouteLeg> legs,
        string at,
        HashSet<string> visited,
        List<RouteLeg> walked,
        List<RoutePath> found)
    {
        foreach (var leg in legs[at].Where(leg => !visited.Contains(leg.To)))
        {
            walked.Add(leg);
            if (definition.Phase(leg.To).Terminal)
            {
                found.Add(new RoutePath([.. walked]));
            }
            else
            {
                visited.Add(leg.To);
                Walk(definition, legs, leg.To, visited, walked, found);
                visited.Remove(leg.To);
            }

            walked.RemoveAt(walked.Count - 1);
        }
    }

    private static List<RouteLeg> Legs(TrajectoryDefinition definition)
    {
        var timeouts = definition.Deadlines.Select(deadline => deadline.OnExpiry).ToHashSet(StringComparer.Ordinal);
        var legs = new List<RouteLeg>();
        foreach (var transition in definition.Transitions)
        {
            var byHubOnly = transition.Roles.All(role => role == Hub);
            var closing = definition.Phase(transition.To).Terminal;
            var outcomes = transition.Outcomes
                .Where(outcome => ResultStatuses.Contains(definition.TaskStatusOf(transition.To, outcome).Code))
                .ToList();
            if ((byHubOnly && !timeouts.Contains(transition.EventType)) || (closing && outcomes.Count == 0))
            {
                continue;
            }

            foreach (var from in transition.From.Where(from => from != transition.To))
            {
                var leg = new RouteLeg(from, transition.To, transition.EventType, byHubOnly, outcomes);
                var same = legs.FindIndex(other => other.From == from && other.To == leg.To && other.Outcomes.SequenceEqual(leg.Outcomes));
                if (same < 0)
                {
                    legs.Add(leg);
                }
                else if (legs[same].ByTimeout && !leg.ByTimeout)
                {
                    legs[same] = leg;
                }
            }
        }

        return legs;
    }

    /// <summary>Whether the path goes from an earlier phase, through others, to a phase that earlier phase leads to directly.</summary>
    private static bool IsDetour(TrajectoryDefinition definition, ILookup<string, RouteLeg> legs, RoutePath path)
    {
        var phases = path.Phases.ToList();
        for (var to = 2; to < phases.Count; to++)
        {
            for (var from = 0; from < to - 1; from++)
            {
                var (start, end) = (phases[from], phases[to]);
                var direct = legs[start].Any(leg => leg.To == end && (to < phases.Count - 1 || ClosesAlike(leg, path.Closing)));
                if (direct && !AlongMainPath(definition, phases.GetRange(from, to - from + 1)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A close by the same event with an outcome in common: an objection dismissed closes unlike an objection period running out.</summary>
    private static bool ClosesAlike(RouteLeg leg, RouteLeg closing) =>
        leg.EventType == closing.EventType && leg.Outcomes.Intersect(closing.Outcomes).Any();

    /// <summary>Whether <paramref name="segment"/> is a run of consecutive phases of the definition's main path.</summary>
    internal static bool AlongMainPath(TrajectoryDefinition definition, List<string> segment)
    {
        var start = definition.MainPath.ToList().IndexOf(segment[0]);
        return start >= 0 && start + segment.Count <= definition.MainPath.Count
            && segment.Select((phase, i) => definition.MainPath[start + i] == phase).All(same => same);
    }
}
