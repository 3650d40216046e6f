using Hl7.Fhir.Model;
using Task = Hl7.Fhir.Model.Task;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// The Task a referrer reads: status, its reason, the dates, and for a closed referral only that the
/// help ended. Never the BSN, the phase, amounts or creditors: the resident is not even referenced.
/// </summary>
public static class ReferralTask
{
    public static Task From(ReferralState referral)
    {
        var (status, reason) = referral.CancelledAt is null
            ? (TaskStatusMap.Parse(referral.Status), referral.StatusReason)
            : (TaskStatus.Cancelled, TaskStatusMap.CancelledByReferrer);
        var closed = status is TaskStatus.Completed or TaskStatus.Failed or TaskStatus.Rejected or TaskStatus.Cancelled;
        var task = new Task
        {
            Id = referral.Id,
            Meta = new Meta { LastUpdated = referral.LastModified },
            Status = status,
            StatusReason = reason is null ? null : new CodeableConcept { Text = reason },
            Intent = Task.TaskIntent.Order,
            Code = new CodeableConcept(FhirSystems.TaskCode, "fulfill", "Fulfill the focal request"),
            Focus = new ResourceReference { Type = "ServiceRequest", Display = "Verwijzing naar schuldhulp" },
            AuthoredOn = referral.AuthoredOn.ToString("o"),
            LastModified = referral.LastModified.ToString("o"),
            ExecutionPeriod = new Period { Start = referral.AuthoredOn.ToString("o"), End = closed ? referral.LastModified.ToString("o") : null },
            Requester = Organisation(referral.Requester),
            Owner = Organisation(referral.Owner),
        };
        if (referral.Identifier is { } identifier)
        {
            task.Identifier.Add(new Identifier(identifier.System, identifier.Value));
        }

        if (status == TaskStatus.Completed)
        {
            task.Output.Add(new Task.OutputComponent
            {
                Type = new CodeableConcept { Text = "Resultaat" },
                Value = new CodeableConcept(FhirSystems.ReferralResult, "schuldhulp-afgerond", "De schuldhulp is afgerond."),
            });
        }

        return task;
    }

    private static ResourceReference Organisation(string oin) => new() { Type = "Organization", Identifier = new Identifier(FhirSystems.Oin, oin) };
}
