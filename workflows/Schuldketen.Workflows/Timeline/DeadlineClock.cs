using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Timeline;

/// <summary>
/// Works out which deadlines run, from the definition and the history alone. A deadline starts
/// at the latest occurrence of its start moment and stops at a later stop moment or when the
/// trajectory closes.
/// </summary>
public sealed class DeadlineClock(LegalCalendar calendar)
{
    public IReadOnlyList<OpenDeadline> Open(TrajectoryDefinition definition, IReadOnlyList<HistoryEntry> history)
    {
        if (history.Count == 0 || definition.Phase(history[^1].Phase).Terminal)
        {
            return [];
        }

        var moments = Occurrences(history);
        return definition.Deadlines
            .Select(deadline => OpenAt(deadline, moments))
            .OfType<OpenDeadline>()
            .OrderBy(open => open.DueOn)
            .ToList();
    }

    /// <summary>
    /// What one applied event does to the running clocks: the same rules as <see cref="Open"/>,
    /// worked out from the event alone, so the store can keep its timers without reading the history.
    /// </summary>
    public DeadlineChanges Changes(TrajectoryDefinition definition, string eventType, string? enteredPhase, DateOnly date, bool isStart)
    {
        if (enteredPhase is not null && definition.Phase(enteredPhase).Terminal)
        {
            return new DeadlineChanges([], [], StopsAll: true);
        }

        var occurrence = new Occurrence(eventType, enteredPhase, date);
        var stopped = definition.Deadlines
            .Where(deadline => deadline.Until.Any(occurrence.Matches))
            .Select(deadline => deadline.Id)
            .ToList();
        var started = definition.Deadlines
            .Where(deadline => deadline.From.Kind == MomentKind.Start ? isStart : occurrence.Matches(deadline.From))
            .Select(deadline => new OpenDeadline(deadline, date, calendar.EndOfTerm(date, deadline.Length, deadline.IsStatutory)))
            .ToList();
        return new DeadlineChanges(started, stopped, StopsAll: false);
    }

    /// <summary>The due date of <paramref name="deadline"/> if it runs at the end of <paramref name="occurrences"/>.</summary>
    internal OpenDeadline? OpenAt(Deadline deadline, IReadOnlyList<Occurrence> occurrences)
    {
        var start = LastStart(deadline, occurrences);
        if (start is null || occurrences.Skip(start.Value + 1).Any(occurrence => deadline.Until.Any(occurrence.Matches)))
        {
            return null;
        }

        return occurrences[start.Value].Date is { } startedOn
            ? new OpenDeadline(deadline, startedOn, calendar.EndOfTerm(startedOn, deadline.Length, deadline.IsStatutory))
            : null;
    }

    /// <summary>The due date a deadline would have if it stopped at the occurrence just added.</summary>
    internal DateOnly? DueIfStoppedByLast(Deadline deadline, IReadOnlyList<Occurrence> occurrences)
    {
        if (!deadline.Until.Any(occurrences[^1].Matches))
        {
            return null;
        }

        var before = occurrences.Take(occurrences.Count - 1).ToList();
        return OpenAt(deadline, before)?.DueOn;
    }

    private static int? LastStart(Deadline deadline, IReadOnlyList<Occurrence> occurrences)
    {
        for (var i = occurrences.Count - 1; i >= 0; i--)
        {
            if (deadline.From.Kind == MomentKind.Start ? i == 0 : occurrences[i].Matches(deadline.From))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Each history entry as an occurrence: its event, the phase it entered (if it changed the phase) and its Dutch date.</summary>
    internal static List<Occurrence> Occurrences(IReadOnlyList<HistoryEntry> history) =>
        history.Select((entry, i) => new Occurrence(entry.EventType, Entered(history, i), entry.OccurredAt.ToDutchDate())).ToList();

    internal static string? Entered(IReadOnlyList<HistoryEntry> history, int index) =>
        index == 0 || history[index - 1].Phase != history[index].Phase ? history[index].Phase : null;
}

/// <summary>Clocks started and stopped by one event; a closing event stops them all. A clock both stopped and started restarts.</summary>
public sealed record DeadlineChanges(IReadOnlyList<OpenDeadline> Started, IReadOnlyList<string> Stopped, bool StopsAll);

/// <summary>Something that happened or is predicted to happen: an event, the phase it entered, and its date if known.</summary>
internal sealed record Occurrence(string EventType, string? EnteredPhase, DateOnly? Date)
{
    public bool Matches(Moment moment) => moment.Matches(EnteredPhase, EventType);
}
