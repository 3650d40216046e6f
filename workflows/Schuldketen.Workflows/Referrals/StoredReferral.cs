namespace Schuldketen.Workflows.Referrals;

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

/// <summary>A referral with where its trajectory stands, as its referrer may see it.</summary>
public sealed record ReferralSnapshot(
    StoredReferral Referral, string Phase, bool InitialPhase, bool TerminalPhase, string? Outcome, DateTimeOffset TrajectoryUpdatedAt)
{
    /// <summary>The later of the trajectory's last change and the referrer's cancellation.</summary>
    public DateTimeOffset LastModified => Referral.CancelledAt is { } cancelled && cancelled > TrajectoryUpdatedAt.ToUnixTimeMilliseconds()
        ? DateTimeOffset.FromUnixTimeMilliseconds(cancelled)
        : TrajectoryUpdatedAt;
}
