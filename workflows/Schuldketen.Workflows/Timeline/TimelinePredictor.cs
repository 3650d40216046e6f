using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Timeline;

/// <summary>
/// Derives the timeline from definition, history and calendar; nothing of it is stored. Coming
/// phases follow the definition's main path (after the shortest way back onto it) and each is
/// expected when the deadline that its arrival stops falls due.
/// </summary>
public sealed class TimelinePredictor(LegalCalendar calendar)
{
    private readonly DeadlineClock clock = new(calendar);

    public PredictedTimeline Predict(TrajectoryDefinition definition, IReadOnlyList<HistoryEntry> history, DateOnly today)
    {
        var steps = new List<TimelineStep>();
        for (var i = 0; i < history.Count; i++)
        {
            if (DeadlineClock.Entered(history, i) is { } entered)
            {
                steps.Add(Step(definition, entered, StepStatus.Done, history[i].OccurredAt.ToDutchDate()));
            }
        }

        steps[^1] = steps[^1] with { Status = StepStatus.Current };

        var occurrences = DeadlineClock.Occurrences(history);
        DateOnly? previous = today;
        foreach (var (eventType, phase) in RouteToEnd(definition, history[^1].Phase))
        {
            var arrival = new Occurrence(eventType, phase, null);
            occurrences.Add(arrival);
            var dues = definition.Deadlines
                .Select(deadline => clock.DueIfStoppedByLast(deadline, occurrences))
                .OfType<DateOnly>()
                .ToList();
            DateOnly? expected = previous is { } floor && dues.Count > 0 ? Max(dues.Min(), floor) : null;
            occurrences[^1] = arrival with { Date = expected };
            steps.Add(Step(definition, phase, StepStatus.Coming, expected));
            previous = expected;
        }

        return new PredictedTimeline(steps, clock.Open(definition, history));
    }

    /// <summary>The transitions from <paramref name="current"/> to the end of the main path, by the shortest way onto it.</summary>
    private static List<(string EventType, string Phase)> RouteToEnd(TrajectoryDefinition definition, string current)
    {
        var path = definition.MainPath;
        var route = new List<(string, string)>();
        if (definition.Phase(current).Terminal)
        {
            return route;
        }

        var previousOf = new Dictionary<string, (string From, string EventType)>();
        var queue = new Queue<string>([current]);
        var joined = path.Contains(current) ? current : null;
        while (joined is null && queue.TryDequeue(out var phase))
        {
            foreach (var transition in definition.TransitionsFrom(phase))
            {
                if (transition.To != current && previousOf.TryAdd(transition.To, (phase, transition.EventType)))
                {
                    if (path.Contains(transition.To))
                    {
                        joined = transition.To;
                        break;
                    }

                    queue.Enqueue(transition.To);
                }
            }
        }

        if (joined is null)
        {
            return route;
        }

        for (var phase = joined; phase != current; phase = previousOf[phase].From)
        {
            route.Insert(0, (previousOf[phase].EventType, phase));
        }

        for (var i = path.ToList().IndexOf(joined) + 1; i < path.Count; i++)
        {
            var to = path[i];
            route.Add((definition.TransitionsFrom(path[i - 1]).First(transition => transition.To == to).EventType, to));
        }

        return route;
    }

    private static TimelineStep Step(TrajectoryDefinition definition, string phaseId, StepStatus status, DateOnly? date)
    {
        var phase = definition.Phase(phaseId);
        return new TimelineStep(phase.Id, phase.Title, phase.ResidentText, status, date);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
