using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Overview;

/// <summary>A municipality's counters, summed over their buckets, and the overview they make on a given day.</summary>
public sealed record ChainCounts(IReadOnlyDictionary<(string Kind, string Key), long> Counters)
{
    public long Of(string kind, string key = "") => Counters.GetValueOrDefault((kind, key));

    /// <summary>The overview in the phases of the definition most trajectories run on; null when the municipality has none.</summary>
    public ChainOverview? ToOverview(DefinitionLibrary library, DateOnly today)
    {
        var trajectories = Of(TallyKind.Trajectories);
        if (trajectories == 0)
        {
            return null;
        }

        var definitions = Counters.Where(counter => counter.Key.Kind == TallyKind.Definition && counter.Value > 0)
            .Select(counter => KeyValuePair.Create(TallyKeys.DefinitionOf(counter.Key.Key), counter.Value));
        var definition = library.Get(ChainStatistics.MostUsed(definitions));
        var phases = definition.Phases.Where(phase => !phase.Terminal).ToList();
        var stays = Counters.Where(counter => counter.Key.Kind == TallyKind.Stay && counter.Value > 0)
            .Select(counter => (Stay: TallyKeys.StayOf(counter.Key.Key), Count: counter.Value))
            .ToLookup(stay => stay.Stay.Phase, stay => (stay.Stay.Days, stay.Count));
        var overdue = Counters.Where(counter => counter.Key.Kind == TallyKind.RunningDue
                                                && string.CompareOrdinal(counter.Key.Key, TallyKeys.Of(today)) < 0)
            .Sum(counter => counter.Value);
        return new ChainOverview(
            (int)trajectories,
            phases.Select(phase => new PhaseFunnel(phase.Id, phase.Title, (int)Of(TallyKind.Reached, phase.Id), (int)Of(TallyKind.DroppedOut, phase.Id))).ToList(),
            phases.Select(phase => Wait(phase, stays[phase.Id].OrderBy(stay => stay.Days).ToList())).ToList(),
            new DeadlineScore((int)Of(TallyKind.Met), (int)(Of(TallyKind.Missed) + overdue)))
        {
            Channels = ChannelFlows(),
        };
    }

    private List<ChannelFlow> ChannelFlows()
    {
        var talks = Counters.Where(counter => counter.Key.Kind == TallyKind.ChannelFirstConversation && counter.Value > 0)
            .Select(counter => (Talk: TallyKeys.StayOf(counter.Key.Key), Count: counter.Value))
            .ToLookup(talk => talk.Talk.Phase, talk => (talk.Talk.Days, talk.Count));
        return Channels.All.Select(channel =>
        {
            var name = channel.WireName();
            var histogram = talks[name].OrderBy(talk => talk.Days).ToList();
            return new ChannelFlow(channel, (int)Of(TallyKind.ChannelRegistrations, name), (int)Of(TallyKind.ChannelDroppedEarly, name),
                (int)histogram.Sum(talk => talk.Count), Rank(histogram, 50), Rank(histogram, 90));
        }).ToList();
    }

    /// <summary>The outreach funnel, with every DDAS contact kind in the code list's order, tried or not.</summary>
    public OutreachFunnel ToOutreachFunnel() => new(
        (int)Of(OutreachTally.Signals),
        (int)Of(OutreachTally.Cases),
        (int)Of(OutreachTally.Reached),
        (int)Of(OutreachTally.HelpAccepted),
        Enum.GetValues<ContactKind>().Select(EnumWireNames.Of)
            .Select(kind => new ContactReach(kind, (int)Of(OutreachTally.Tried, kind), (int)Of(OutreachTally.TriedReached, kind)))
            .ToList());

    /// <summary>Median and 90th percentile, nearest rank, from the number of stays of each length.</summary>
    private static PhaseWait Wait(Phase phase, IReadOnlyList<(int Days, long Count)> histogram)
    {
        return new PhaseWait(phase.Id, phase.Title, (int)histogram.Sum(bar => bar.Count), Rank(histogram, 50), Rank(histogram, 90));
    }

    /// <summary>The nearest-rank percentile of a histogram of days sorted by days; null when it is empty.</summary>
    private static int? Rank(IReadOnlyList<(int Days, long Count)> histogram, int percentile)
    {
        var rank = (long)Math.Ceiling(percentile / 100.0 * histogram.Sum(bar => bar.Count));
        var seen = 0L;
        foreach (var (days, count) in histogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }

        return null;
    }
}
