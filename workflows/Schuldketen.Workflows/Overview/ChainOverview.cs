using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Overview;

/// <summary>The municipality's view of its chain: how far trajectories get, how long each phase takes, and how many statutory deadlines are met.</summary>
public sealed record ChainOverview(int Trajectories, IReadOnlyList<PhaseFunnel> Funnel, IReadOnlyList<PhaseWait> Waits, DeadlineScore Statutory)
{
    /// <summary>Where people come from: every channel of the controlled list, in its order, also those nobody used.</summary>
    public IReadOnlyList<ChannelFlow> Channels { get; init; } = [];

    /// <summary>The outreach cases (vroegsignalering), which the figures above leave out.</summary>
    public OutreachFunnel Outreach { get; init; } = OutreachFunnel.None;

    /// <summary>A municipality with outreach cases but no other trajectory yet: only the outreach funnel has figures.</summary>
    public static ChainOverview OutreachOnly(OutreachFunnel outreach) => new(0, [], [], new DeadlineScore(0, 0)) { Outreach = outreach };
}

/// <summary>
/// One channel's registrations, how many of them dropped out (outcome <c>uitval</c>) before the first conversation, how many
/// had that conversation, and the days from registration to it: median and 90th percentile (nearest rank), null before any.
/// </summary>
public sealed record ChannelFlow(Channel Channel, int Registrations, int DroppedOutBeforeFirstConversation, int FirstConversations, int? MedianDays, int? Percentile90Days);

/// <summary>How many trajectories ever reached a phase, and how many dropped out (outcome <c>uitval</c>) while in it.</summary>
public sealed record PhaseFunnel(string Phase, string Title, int Reached, int DroppedOut);

/// <summary>
/// How long finished stays in a phase took, in calendar days: the median and the 90th percentile
/// (nearest rank), null when no stay has finished yet.
/// </summary>
public sealed record PhaseWait(string Phase, string Title, int FinishedStays, int? MedianDays, int? Percentile90Days);

/// <summary>Statutory deadlines that ended: met on or before their due date, or missed (stopped late, or passed and still running).</summary>
public sealed record DeadlineScore(int Met, int Missed)
{
    public int Ended => Met + Missed;

    /// <summary>The share met, as a whole percentage rounded down; null when none ended yet.</summary>
    public int? PercentMet => Ended == 0 ? null : Met * 100 / Ended;
}
