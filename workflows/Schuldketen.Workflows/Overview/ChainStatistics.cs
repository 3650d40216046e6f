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
        return new ChainOverview(trajectories.Count, funnel, waits, new DeadlineScore(scores.Sum(score => score.Met), scores.Sum(score => score.Missed)));
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

    /// <summary>Replays the history: each statutory clock an event stops counts as met or missed; one still running past its due date as missed.</summary>
    private (int Met, int Missed) Score(TrajectoryFacts facts, DateOnly today)
    {
        var (met, missed) = (0, 0);
        var definition = facts.Definition;
        var statutory = definition.Deadlines.Where(deadline => deadline.IsStatutory).ToList();
        var occurrences = new List<Occurrence>();
        for (var i = 0; i < facts.History.Count; i++)
        {
            var entry = facts.History[i];
            occurrences.Add(new Occurrence(entry.EventType, DeadlineClock.Entered(facts.History, i), entry.OccurredAt.ToDutchDate()));
            foreach (var deadline in statutory)
            {
                if (clock.DueIfStoppedByLast(deadline, occurrences) is { } dueOn)
                {
                    (met, missed) = occurrences[^1].Date <= dueOn ? (met + 1, missed) : (met, missed + 1);
                }
            }
        }

        missed += clock.Open(definition, facts.History).Count(open => open.Deadline.IsStatutory && open.IsOverdue(today));
        return (met, missed);
    }
}

/// <summary>What the statistics need of one trajectory: its definition, its outcome and its history.</summary>
public sealed record TrajectoryFacts(TrajectoryDefinition Definition, string? Outcome, IReadOnlyList<HistoryEntry> History);
