namespace Schuldketen.Workflows.Store.Intake;

/// <summary>
/// What the intake answers, whatever the transport: either the applied result, or the rule the
/// event broke with the status that fits it (400 invalid, 403 not this sender, 404 no such
/// trajectory for this sender, 409 not permitted now).
/// </summary>
public sealed record IntakeResult(int Status, ApplyResult? Applied, IntakeProblem? Problem)
{
    public static IntakeResult Accepted(ApplyResult applied) => new(202, applied, null);

    public static IntakeResult Refused(int status, IntakeProblem problem) => new(status, null, problem);
}

/// <summary>A broken rule: its id, a title, what to fix, and where (attributes or JSON Pointers into the event).</summary>
public sealed record IntakeProblem(
    string Rule,
    string Title,
    string Detail,
    IReadOnlyList<InvalidField>? Fields = null,
    IReadOnlyList<string>? PermittedEventTypes = null,
    string? Trajectory = null);

public sealed record InvalidField(string Name, string Rule, string Reason);
