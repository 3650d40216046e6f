using System.Collections.Frozen;

namespace Schuldketen.Contracts.Ddas.Report;

/// <summary>
/// The schema v0.1 result CBS receives for each detail-model end result, as the table in Ddas/README.md gives it.
/// A resident who died or lives elsewhere has no result in schema v0.1: CBS learns it from the signals' status.
/// </summary>
public static class CbsEndResults
{
    private static readonly FrozenDictionary<EndResult, CbsEndResult?> Map = new Dictionary<EndResult, CbsEndResult?>
    {
        [EndResult.RepeatedSignal] = CbsEndResult.NotPickedUp,
        [EndResult.UnjustifiedSignal] = CbsEndResult.NotPickedUp,
        [EndResult.Deceased] = null,
        [EndResult.NotResident] = null,
        [EndResult.NotPickedUpOtherReason] = CbsEndResult.NotPickedUp,
        [EndResult.KnownToDebtHelp] = CbsEndResult.KnownToDebtHelp,
        [EndResult.OtherTrajectoryRunning] = CbsEndResult.OtherTrajectoryRunning,
        [EndResult.NoContact] = CbsEndResult.NoContact,
        [EndResult.NoResponseAfterContact] = CbsEndResult.NoContact,
        [EndResult.NoHelpWanted] = CbsEndResult.NoHelpWanted,
        [EndResult.AlreadyPaid] = CbsEndResult.PaidAfterPickUp,
        [EndResult.AdviceOrQuickFix] = CbsEndResult.AdviceOrQuickFix,
        [EndResult.FinancialFollowUp] = CbsEndResult.FinancialReferral,
        [EndResult.ReferralWithoutContact] = CbsEndResult.NonFinancialReferral,
        [EndResult.NonFinancialFollowUp] = CbsEndResult.NonFinancialReferral,
    }.ToFrozenDictionary();

    public static CbsEndResult? For(EndResult result) => Map[result];
}
