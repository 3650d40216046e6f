using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Store.Referrals;

/// <summary>
/// A GP's referral as stored: who referred, their own identifier of it, the trajectory it counts as
/// the request for help of, the municipality it went to, when it was made, and whether the referrer
/// cancelled it. Never the BSN: that lives (hashed and encrypted) with the trajectory only.
/// </summary>
public sealed record StoredReferral(
    string Id,
    string Referrer,
    string IdempotencyKey,
    string? IdentifierSystem,
    string? IdentifierValue,
    string TrajectoryId,
    string Owner,
    long AuthoredAt,
    long CreatedAt,
    long? CancelledAt);

/// <summary>
/// A referral with every state its trajectory has been in, oldest first, each with when the hub
/// recorded it: enough to tell the referrer's status now and when it last changed, and no more.
/// </summary>
public sealed record ReferralSnapshot(StoredReferral Referral, IReadOnlyList<TrajectoryState> States)
{
    public TrajectoryState Current => States[^1];
}

/// <summary>What a trajectory showed its referrer from a moment on, as its definition says for the phase and outcome it was in.</summary>
public sealed record TrajectoryState(FhirTaskStatus Status, DateTimeOffset RecordedAt);
