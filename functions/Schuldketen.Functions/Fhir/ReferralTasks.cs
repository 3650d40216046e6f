using Schuldketen.Contracts.Fhir;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>A stored referral, where its trajectory stands, as the Task its referrer reads.</summary>
public static class ReferralTasks
{
    public static Hl7.Fhir.Model.Task From(ReferralSnapshot snapshot)
    {
        var referral = snapshot.Referral;
        var current = snapshot.Current;
        return ReferralTask.From(new ReferralState(
            referral.Id,
            referral.Referrer,
            referral.Owner,
            referral.IdentifierValue is { } value ? new TaskIdentifier(referral.IdentifierSystem, value) : null,
            DateTimeOffset.FromUnixTimeMilliseconds(referral.AuthoredAt),
            LastModified(snapshot),
            current.Status.Code,
            current.Status.Reason,
            referral.CancelledAt is { } cancelled ? DateTimeOffset.FromUnixTimeMilliseconds(cancelled) : null));
    }

    public static string Location(string id) => $"{FhirInteractions.Base}/Task/{id}";

    /// <summary>
    /// When the referrer's view last changed: the referral itself, its cancellation, or the last event that
    /// changed its status. Events that leave the status as it was (a deadline, a step within 'in-progress')
    /// do not count, so the referrer cannot learn of them from the date either.
    /// </summary>
    private static DateTimeOffset LastModified(ReferralSnapshot snapshot)
    {
        var referral = snapshot.Referral;
        if (referral.CancelledAt is { } cancelled)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(cancelled);
        }

        var changed = DateTimeOffset.FromUnixTimeMilliseconds(referral.CreatedAt);
        for (var index = 1; index < snapshot.States.Count; index++)
        {
            var (before, after) = (snapshot.States[index - 1], snapshot.States[index]);
            if (before.Status.Code != after.Status.Code && after.RecordedAt > changed)
            {
                changed = after.RecordedAt;
            }
        }

        return changed;
    }
}
