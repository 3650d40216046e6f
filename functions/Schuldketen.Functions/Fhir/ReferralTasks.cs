using Schuldketen.Contracts.Fhir;
using Schuldketen.Workflows.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>A stored referral, where its trajectory stands, as the Task its referrer reads.</summary>
public static class ReferralTasks
{
    public static Hl7.Fhir.Model.Task From(ReferralSnapshot snapshot)
    {
        var referral = snapshot.Referral;
        return ReferralTask.From(new ReferralState(
            referral.Id,
            referral.Referrer,
            referral.Owner,
            referral.IdentifierValue is { } value ? new TaskIdentifier(referral.IdentifierSystem, value) : null,
            DateTimeOffset.FromUnixTimeMilliseconds(referral.AuthoredAt),
            snapshot.LastModified,
            snapshot.Phase,
            snapshot.InitialPhase,
            snapshot.TerminalPhase,
            snapshot.Outcome,
            referral.CancelledAt is { } cancelled ? DateTimeOffset.FromUnixTimeMilliseconds(cancelled) : null));
    }

    public static string Location(string id) => $"{FhirInteractions.Base}/Task/{id}";
}
