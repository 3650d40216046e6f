namespace Schuldketen.Contracts;

/// <summary>
/// The codes of FHIR R4's Task.status value set: what a definition may name as the status a
/// referrer sees of a phase or an outcome. Listed here, not taken from the FHIR library, so that a
/// definition can be checked without it; the FHIR mapping reads each of them.
/// </summary>
public static class TaskStatusCodes
{
    public const string Requested = "requested";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } =
    [
        "draft", Requested, "received", "accepted", Rejected, "ready", "cancelled",
        InProgress, "on-hold", "failed", Completed, "entered-in-error",
    ];
}
