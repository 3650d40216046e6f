using Hl7.Fhir.Utility;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// Between the status codes a definition names and the referral's Task status, both ways. Which
/// status a phase or an outcome shows is the definition's to say; the referrer itself may only set
/// 'cancelled', which ends its referral, not the trajectory.
/// </summary>
public static class TaskStatusMap
{
    public const string CancelledByReferrer = "Ingetrokken door de verwijzer.";

    /// <summary>The Task status of a code of <see cref="TaskStatusCodes"/>; the validator lets no other code into a definition.</summary>
    public static TaskStatus Parse(string code) =>
        EnumUtility.ParseLiteral<TaskStatus>(code)
        ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not a FHIR R4 Task status.");

    public static bool ReferrerMaySet(TaskStatus status) => status == TaskStatus.Cancelled;

    public static string Code(TaskStatus status) => status.GetLiteral();
}
