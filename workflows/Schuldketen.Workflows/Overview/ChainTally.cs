using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Overview;

/// <summary>
/// Keeps the chain overview's counters up to date one applied event at a time, by the same rules as
/// <see cref="ChainStatistics"/> over whole histories: what it keeps of each trajectory is in
/// <see cref="TallyState"/>, the counter changes go to <see cref="TallyDeltas"/>.
/// </summary>
public sealed class ChainTally(DeadlineClock clock, ChainStatistics statistics)
{
    public TallyState Register(string municipality, TrajectoryDefinition definition, HistoryEntry first, TallyDeltas deltas, Channel channel = Channels.Default)
    {
        var date = first.OccurredAt.ToDutchDate();
        deltas.Add(municipality, TallyKind.Trajectories, "", 1);
        deltas.Add(municipality, TallyKind.Definition, TallyKeys.Of(definition.Key), 1);
        deltas.Add(municipality, TallyKind.Reached, first.Phase, 1);
        var state = new TallyState(municipality, definition.Key, first.Phase, date, new HashSet<string>(StringComparer.Ordinal) { first.Phase }, null,
            new Dictionary<string, DateOnly>(StringComparer.Ordinal), 0, 0, ChannelTally.Register(municipality, channel, first, deltas));
        return Clocks(state, definition, first.EventType, first.Phase, date, isStart: true, deltas);
    }

    public TallyState Apply(TallyState state, TrajectoryDefinition definition, HistoryEntry entry, string? outcome, TallyDeltas deltas)
    {
        var entered = entry.Phase != state.Phase ? entry.Phase : null;
        return Clocks(Move(state, entry, outcome, deltas), definition, entry.EventType, entered, entry.OccurredAt.ToDutchDate(), isStart: false, deltas);
    }

    /// <summary>
    /// A migration: the trajectory counts under its new version from now on, and its statutory clocks are
    /// scored again as if it had run on that version from the start (<paramref name="mapped"/>: its history
    /// with the migration's phase map applied, ending with the migration), as the store sets its timers.
    /// </summary>
    public TallyState Migrate(TallyState state, TrajectoryDefinition target, IReadOnlyList<HistoryEntry> mapped, string? outcome, TallyDeltas deltas)
    {
        var moved = Move(state, mapped[^1], outcome, deltas);
        var municipality = state.Municipality;
        deltas.Add(municipality, TallyKind.Definition, TallyKeys.Of(state.Definition), -1);
        deltas.Add(municipality, TallyKind.Definition, TallyKeys.Of(target.Key), 1);
        deltas.Add(municipality, TallyKind.Met, "", -state.Met);
        deltas.Add(municipality, TallyKind.Missed, "", -state.Missed);
        foreach (var dueOn in state.Clocks.Values)
        {
            deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(dueOn), -1);
        }

        var (met, missed) = statistics.StoppedClocks(target, mapped);
        deltas.Add(municipality, TallyKind.Met, "", met);
        deltas.Add(municipality, TallyKind.Missed, "", missed);
        var clocks = clock.Open(target, mapped).Where(open => open.Deadline.IsStatutory)
            .ToDictionary(open => open.Deadline.Id, open => open.DueOn, StringComparer.Ordinal);
        foreach (var dueOn in clocks.Values)
        {
            deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(dueOn), 1);
        }

        return moved with { Definition = target.Key, Clocks = clocks, Met = met, Missed = missed };
    }

    /// <summary>The funnel and the stays: a phase reached for the first time, a stay that ended, a drop-out counted at the phase it left.</summary>
    private static TallyState Move(TallyState state, HistoryEntry entry, string? outcome, TallyDeltas deltas)
    {
        var date = entry.OccurredAt.ToDutchDate();
        var municipality = state.Municipality;
        var next = state.Channel is { } track ? state with { Channel = ChannelTally.Apply(track, municipality, entry, outcome, deltas) } : state;
        if (entry.Phase != state.Phase)
        {
            deltas.Add(municipality, TallyKind.Stay, TallyKeys.Of(state.Phase, date.DayNumber - state.PhaseEnteredOn.DayNumber), 1);
            if (!state.Reached.Contains(entry.Phase))
            {
                deltas.Add(municipality, TallyKind.Reached, entry.Phase, 1);
                next = next with { Reached = new HashSet<string>(state.Reached, StringComparer.Ordinal) { entry.Phase } };
            }

            next = next with { Phase = entry.Phase, PhaseEnteredOn = date };
        }

        var droppedAt = outcome == ChainStatistics.DropOutOutcome ? state.Phase : null;
        if (droppedAt != state.DroppedAt)
        {
            if (state.DroppedAt is { } before)
            {
                deltas.Add(municipality, TallyKind.DroppedOut, before, -1);
            }

            if (droppedAt is not null)
            {
                deltas.Add(municipality, TallyKind.DroppedOut, droppedAt, 1);
            }

            next = next with { DroppedAt = droppedAt };
        }

        return next;
    }

    /// <summary>The statutory clocks: those the event stops are scored, then those it starts run (a closing event stops them all).</summary>
    private TallyState Clocks(TallyState state, TrajectoryDefinition definition, string eventType, string? entered, DateOnly date, bool isStart, TallyDeltas deltas)
    {
        var municipality = state.Municipality;
        var clocks = new Dictionary<string, DateOnly>(state.Clocks, StringComparer.Ordinal);
        var (met, missed) = (state.Met, state.Missed);
        foreach (var deadline in definition.Deadlines.Where(deadline => deadline.IsStatutory))
        {
            if (clocks.TryGetValue(deadline.Id, out var dueOn) && deadline.Until.Any(moment => moment.Matches(entered, eventType)))
            {
                (met, missed) = date <= dueOn ? (met + 1, missed) : (met, missed + 1);
                deltas.Add(municipality, date <= dueOn ? TallyKind.Met : TallyKind.Missed, "", 1);
                deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(dueOn), -1);
                clocks.Remove(deadline.Id);
            }
        }

        var changes = clock.Changes(definition, eventType, entered, date, isStart);
        if (changes.StopsAll)
        {
            foreach (var dueOn in clocks.Values)
            {
                deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(dueOn), -1);
            }

            clocks.Clear();
        }

        foreach (var started in changes.Started.Where(started => started.Deadline.IsStatutory))
        {
            if (clocks.TryGetValue(started.Deadline.Id, out var restarted))
            {
                deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(restarted), -1);
            }

            clocks[started.Deadline.Id] = started.DueOn;
            deltas.Add(municipality, TallyKind.RunningDue, TallyKeys.Of(started.DueOn), 1);
        }

        return state with { Clocks = clocks, Met = met, Missed = missed };
    }
}

/// <summary>
/// What the overview keeps of one trajectory: where it counts, the definition version it runs on, its phase and
/// the day it entered it, the phases it reached, where it dropped out, its running statutory clocks with their due
/// dates, the stopped statutory clocks it counted as met and missed, and what the per-channel counters keep of it.
/// </summary>
public sealed record TallyState(
    string Municipality,
    DefinitionKey Definition,
    string Phase,
    DateOnly PhaseEnteredOn,
    IReadOnlySet<string> Reached,
    string? DroppedAt,
    IReadOnlyDictionary<string, DateOnly> Clocks,
    int Met,
    int Missed,
    ChannelTrack? Channel = null);
