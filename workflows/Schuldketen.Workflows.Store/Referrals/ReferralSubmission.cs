using Schuldketen.Contracts;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Referrals;

/// <summary>
/// A valid referral on its way in: the GP (from its token), the resident, the postcode to route by,
/// the municipality the GP named if any, the key that makes a retry find the first referral, the
/// GP's own identifier, and when the referral was made (the moment the Wgs clock starts).
/// </summary>
public sealed record ReferralSubmission(
    Sender Referrer,
    Bsn Bsn,
    string? Postcode,
    string? Owner,
    string IdempotencyKey,
    string? IdentifierSystem,
    string? IdentifierValue,
    DateTimeOffset ReferredAt,
    string? TraceParent);

/// <summary>What became of a submission: the referral (new or the one a retry found), or why it could not be placed.</summary>
public sealed record ReferralOutcome(ReferralSnapshot? Referral, bool Created, string? Problem)
{
    public static ReferralOutcome Refused(string problem) => new(null, false, problem);
}
