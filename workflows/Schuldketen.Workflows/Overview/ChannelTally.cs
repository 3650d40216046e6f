using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Overview;

/// <summary>
/// The per-channel counters, one applied event at a time, by the same rules as <see cref="ChainStatistics"/>: a registration,
/// the days from it to the first conversation, and a drop-out (outcome <c>uitval</c>) before that conversation.
/// </summary>
public static class ChannelTally
{
    public static ChannelTrack Register(string municipality, Channel channel, HistoryEntry first, TallyDeltas deltas)
    {
        deltas.Add(municipality, TallyKind.ChannelRegistrations, channel.WireName(), 1);
        return Apply(new ChannelTrack(channel, first.OccurredAt.ToDutchDate(), Talked: false, DroppedEarly: false), municipality, first, null, deltas);
    }

    public static ChannelTrack Apply(ChannelTrack track, string municipality, HistoryEntry entry, string? outcome, TallyDeltas deltas)
    {
        var channel = track.Channel.WireName();
        var next = track;
        if (!track.Talked && entry.EventType == EventTypes.FirstConversationHeld)
        {
            deltas.Add(municipality, TallyKind.ChannelFirstConversation, TallyKeys.Of(channel, entry.OccurredAt.ToDutchDate().DayNumber - track.RegisteredOn.DayNumber), 1);
            next = next with { Talked = true };
        }

        var droppedEarly = outcome == ChainStatistics.DropOutOutcome && !next.Talked;
        if (droppedEarly != track.DroppedEarly)
        {
            deltas.Add(municipality, TallyKind.ChannelDroppedEarly, channel, droppedEarly ? 1 : -1);
            next = next with { DroppedEarly = droppedEarly };
        }

        return next;
    }
}

/// <summary>What the per-channel counters keep of one trajectory: its channel, the day it was registered, whether its first conversation was held, and whether it dropped out before.</summary>
public sealed record ChannelTrack(Channel Channel, DateOnly RegisteredOn, bool Talked, bool DroppedEarly);
