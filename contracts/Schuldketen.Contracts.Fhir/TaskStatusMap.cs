using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// The one table between a trajectory and the referral's Task status, both ways: which phases and
/// outcomes of the trajectory show as which status (the performer's side), and which status the
/// referrer may set itself (only 'cancelled', which ends its referral, not the trajectory).
/// Phases of a municipal variant that the table does not name show by their kind: the first phase
/// as 'requested', a closed trajectory by its outcome, any other as 'in-progress'.
/// </summary>
public static class TaskStatusMap
{
    public const string CancelledByReferrer = "Ingetrokken door de verwijzer.";

    public static IReadOnlyList<TaskStatusRow> Rows { get; } =
    [
        new(TaskStatus.Requested, ["aanmelding"], [], null, ReferrerMaySet: false),
        new(TaskStatus.Accepted, ["crisisinterventie", "eerste-gesprek"], [], null, ReferrerMaySet: false),
        new(TaskStatus.InProgress,
            ["besluit-toegang", "stabilisatie", "schuldregeling", "dwangakkoord", "wsnp-verzoek", "wsnp", "aflossing", "nazorg"], [], null, ReferrerMaySet: false),
        new(TaskStatus.OnHold, ["bezwaar", "moratorium"], [], null, ReferrerMaySet: false),
        new(TaskStatus.Rejected, ["bezwaartermijn"], ["geweigerd"], "De gemeente heeft besloten geen schuldhulp te geven.", ReferrerMaySet: false),
        new(TaskStatus.Completed, [], ["geregeld", "schone-lei"], null, ReferrerMaySet: false),
        new(TaskStatus.Failed, [], ["uitval"], "De inwoner is gestopt met de schuldhulp.", ReferrerMaySet: false),
        new(TaskStatus.Cancelled, [], ["doorverwezen"], "De inwoner is doorverwezen naar andere hulp.", ReferrerMaySet: true),
    ];

    /// <summary>The Task status of a trajectory in <paramref name="phase"/>, closed or not, and the reason a GP may read.</summary>
    public static (TaskStatus Status, string? Reason) Of(string phase, bool initial, bool terminal, string? outcome, bool cancelledByReferrer)
    {
        if (cancelledByReferrer)
        {
            return (TaskStatus.Cancelled, CancelledByReferrer);
        }

        var row = terminal
            ? Rows.FirstOrDefault(candidate => outcome is not null && candidate.Outcomes.Contains(outcome))
            : Rows.FirstOrDefault(candidate => candidate.Phases.Contains(phase));
        if (row is not null)
        {
            return (row.Status, row.Reason);
        }

        return (terminal ? TaskStatus.Completed : initial ? TaskStatus.Requested : TaskStatus.InProgress, null);
    }

    public static bool ReferrerMaySet(TaskStatus status) => Rows.Any(row => row.Status == status && row.ReferrerMaySet);

    public static string Code(TaskStatus status) => status.GetLiteral();
}

/// <summary>One row: the status, the open phases and closing outcomes that show as it, the reason given, and whether the referrer may set it.</summary>
public sealed record TaskStatusRow(TaskStatus Status, IReadOnlyList<string> Phases, IReadOnlyList<string> Outcomes, string? Reason, bool ReferrerMaySet);
