using System.Collections.Frozen;

namespace Schuldketen.Contracts.Ddas;

/// <summary>
/// What each end result means for the chain: the outcome the closed case carries (the terminal outcome in
/// <c>vroegsignalering.v1.yaml</c>), the signal status the signal partner learns (README.md says why), whether
/// the resident accepted help (the outreach funnel), and whether it leads to a Wgs trajectory (warm handover).
/// </summary>
public static class EndResults
{
    public sealed record Meaning(EndResult Result, string Outcome, SignalStatus PartnerLearns, bool HelpAccepted, bool StartsDebtHelp);

    public static IReadOnlyList<Meaning> All { get; } =
    [
        new(EndResult.RepeatedSignal, "herhaalde-melding", SignalStatus.Repeated, false, false),
        new(EndResult.UnjustifiedSignal, "onterecht-signaal", SignalStatus.Unjustified, false, false),
        new(EndResult.Deceased, "overleden", SignalStatus.Deceased, false, false),
        new(EndResult.NotResident, "geen-inwoner", SignalStatus.NotResident, false, false),
        new(EndResult.NotPickedUpOtherReason, "niet-opgepakt", SignalStatus.NotPickedUp, false, false),
        new(EndResult.KnownToDebtHelp, "bekend-bij-schuldhulp", SignalStatus.PickedUp, false, false),
        new(EndResult.OtherTrajectoryRunning, "ander-traject", SignalStatus.PickedUp, false, false),
        new(EndResult.NoContact, "geen-contact", SignalStatus.PickedUp, false, false),
        new(EndResult.NoResponseAfterContact, "geen-reactie", SignalStatus.PickedUp, false, false),
        new(EndResult.NoHelpWanted, "geen-hulp-gewenst", SignalStatus.PickedUp, false, false),
        new(EndResult.AlreadyPaid, "zelf-betaald", SignalStatus.PickedUp, false, false),
        new(EndResult.AdviceOrQuickFix, "advies", SignalStatus.PickedUp, true, false),
        new(EndResult.FinancialFollowUp, "schuldhulp", SignalStatus.PickedUp, true, true),
        new(EndResult.ReferralWithoutContact, "verwezen-zonder-contact", SignalStatus.PickedUp, false, false),
        new(EndResult.NonFinancialFollowUp, "vervolghulp", SignalStatus.PickedUp, true, false),
    ];

    private static readonly FrozenDictionary<EndResult, Meaning> ByResult = All.ToFrozenDictionary(meaning => meaning.Result);

    private static readonly FrozenDictionary<string, Meaning> ByOutcome = All.ToFrozenDictionary(meaning => meaning.Outcome, StringComparer.Ordinal);

    public static Meaning Of(EndResult result) => ByResult[result];

    /// <summary>The meaning of a closed case's outcome; null for an outcome no end result names.</summary>
    public static Meaning? OfOutcome(string? outcome) => outcome is not null ? ByOutcome.GetValueOrDefault(outcome) : null;
}
