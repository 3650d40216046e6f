using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Overview;

/// <summary>
/// Computes the chain overview from trajectories and their histories alone. Phases are those of
/// the definition, in its order; trajectories on other definitions count under the phases they share.
/// </summary>
public sealed class ChainStatistics(DeadlineClock clock)
{
    public const string DropOutOutcome = "uitval";

    public ChainOverview Compute(TrajectoryDefinition definition, IReadOnlyList<TrajectoryFacts> trajectories, DateOnly today)
    {
        var phases = definition.Phases.Where(phase => !phase.Terminal).ToList();
        var stays = trajectories.SelectMany(facts => Stays(facts.History)).ToList();
        var funnel = phases.Select(phase => new PhaseFunnel(
            phase.Id,
            phase.Title,
            trajectories.Count(facts => facts.History.Any(entry => entry.Phase == phase.Id)),
            trajectories.Count(facts => facts.Outcome == DropOutOutcome && LastOpenPhase(facts.History) == phase.Id))).ToList();
        var waits = phases.Select(phase =>
        {
            var days = stays.Where(stay => stay.Phase == phase.Id).Select(stay => stay.Days).Order().ToList();
            return new PhaseWait(phase.Id, phase.Title, days.Count, NearestRank(days, 50), NearestRank(days, 90));
        }).ToList();
        var scores = trajectories.Select(facts => Score(facts, today)).ToList();
        return new ChainOverview(trajectories.Count, funnel, waits, new DeadlineScore(scores.Sum(score => score.Met), scores.Sum(score => score.Missed)))
        {
            Channels = Channels.All.Select(channel => Flow(channel, trajectories.Where(facts => facts.Channel == channel).ToList())).ToList(),
        };
    }

    /// <summary>A channel's registrations, drop-outs before the first conversation, and the days from registration to that conversation.</summary>
    private static ChannelFlow Flow(Channel channel, IReadOnlyList<TrajectoryFacts> trajectories)
    {
        var days = trajectories
            .Select(facts => facts.History.FirstOrDefault(entry => entry.EventType == EventTypes.FirstConversationHeld) is { } talk
                ? talk.OccurredAt.ToDutchDate().DayNumber - facts.History[0].OccurredAt.ToDutchDate().DayNumber
                : (int?)null)
            .OfType<int>()
            .Order()
            .ToList();
        var droppedEarly = trajectories.Count(facts =>
            facts.Outcome == DropOutOutcome && facts.History.All(entry => entry.EventType != EventTypes.FirstConversationHeld));
        return new ChannelFlow(channel, trajectories.Count, droppedEarly, days.Count, NearestRank(days, 50), NearestRank(days, 90));
    }

    /// <summary>Every finished stay in a phase: from the day it was entered to the day the trajectory moved to another phase.</summary>
    private static IEnumerable<(string Phase, int Days)> Stays(IReadOnlyList<HistoryEntry> history)
    {
        var enteredAt = 0;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Phase != history[i - 1].Phase)
            {
                yield return (history[i - 1].Phase,
                    history[i].OccurredAt.ToDutchDate().DayNumber - history[enteredAt].OccurredAt.ToDutchDate().DayNumber);
                enteredAt = i;
            }
        }
    }

    private static string LastOpenPhase(IReadOnlyList<HistoryEntry> history) =>
        history.Count > 1 ? history[^2].Phase : history[^1].Phase;

    private static int? NearestRank(IReadOnlyList<int> sorted, int percentile) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1];

    /// <summary>Each statutory clock stopped, counted as met or missed; plus each still running past its due date as missed.</summary>
    private (int Met, int Missed) Score(TrajectoryFacts facts, DateOnly today)
    {
        var history = facts.Clocks ?? facts.History;
        var (met, missed) = StoppedClocks(facts.Definition, history);
        return (met, missed + clock.Open(facts.Definition, history).Count(open => open.Deadline.IsStatutory && open.IsOverdue(today)));
    }

    /// <summary>Replays the history: each statutory clock an event stops counts as met (stopped on or before its due date) or missed.</summary>
    public (int Met, int Missed) StoppedClocks(TrajectoryDefinition definition, IReadOnlyList<HistoryEntry> history)
    {
        var (met, missed) = (0, 0);
        var statutory = definition.Deadlines.Where(deadline => deadline.IsStatutory).ToList();
        var occurrences = new List<Occurrence>();
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i];
            occurrences.Add(new Occurrence(entry.EventType, DeadlineClock.Entered(history, i), entry.OccurredAt.ToDutchDate()));
            foreach (var deadline in statutory)
            {
                if (clock.DueIfStoppedByLast(deadline, occurrences) is { } dueOn)
                {
                    (met, missed) = occurrences[^1].Date <= dueOn ? (met + 1, missed) : (met, missed + 1);
                }
            }
        }

        return (met, missed);
    }

    /// <summary>The definition whose phases the overview shows: the one most trajectories run on; on a tie the latest version, then by id.</summary>
    public static DefinitionKey MostUsed(IEnumerable<KeyValuePair<DefinitionKey, long>> trajectoriesPerDefinition) =>
        trajectoriesPerDefinition
            .OrderByDescending(pair => pair.Value)
            .ThenByDescending(pair => pair.Key.Version)
            .ThenBy(pair => pair.Key.Id, StringComparer.Ordinal)
            .First().Key;
}

/// <summary>
/// What the statistics need of one trajectory: its definition, its outcome and its history. <see cref="Clocks"/> is the
/// history as the clocks of a migrated trajectory see it (the phases before its last migration mapped as that migration
/// mapped them, as the store sets its timers); null when it never migrated. <see cref="Channel"/> is the channel it came in by.
/// </summary>
public sealed record TrajectoryFacts(
    TrajectoryDefinition Definition, string? Outcome, IReadOnlyList<HistoryEntry> History, IReadOnlyList<HistoryEntry>? Clocks = null, Channel Channel = Channels.Default);
