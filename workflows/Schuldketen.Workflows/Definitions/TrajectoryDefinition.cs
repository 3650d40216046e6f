using Schuldketen.Contracts;
using Schuldketen.Workflows.Residents;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// A trajectory definition as its file states it. References (phases, roles, event types,
/// guards) are kept as written so the validator can point at the line of a bad one.
/// </summary>
public sealed record TrajectoryDefinition(
    string Id,
    int Version,
    string Title,
    DefinitionKey? DerivesFrom,
    string InitialPhase,
    IReadOnlyList<string> MainPath,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Transition> Transitions,
    IReadOnlyList<Deadline> Deadlines,
    string SourcePath,
    DefinitionLines Lines)
{
    public DefinitionKey Key => new(Id, Version);

    public Phase? FindPhase(string id) => Phases.FirstOrDefault(phase => phase.Id == id);

    public Phase Phase(string id) =>
        FindPhase(id) ?? throw new KeyNotFoundException($"Definition {Key} has no phase '{id}'.");

    public IEnumerable<Transition> TransitionsFrom(string phase) =>
        Transitions.Where(transition => transition.From.Contains(phase));

    /// <summary>
    /// What a referrer's Task shows of a trajectory in <paramref name="phase"/>, closed with
    /// <paramref name="outcome"/> or not. A phase of a variant that neither sets nor inherits a status
    /// (the validator demands one of every phase of a definition without base) shows by its kind:
    /// the first phase as requested, a closed trajectory as completed, any other as in-progress.
    /// </summary>
    public FhirTaskStatus TaskStatusOf(string phase, string? outcome)
    {
        var found = FindPhase(phase);
        var own = found is { Terminal: true }
            ? outcome is null ? null : found.FhirStatusPerOutcome.GetValueOrDefault(outcome)
            : found?.FhirStatus;
        var byKind = found is { Terminal: true } ? TaskStatusCodes.Completed
            : phase == InitialPhase ? TaskStatusCodes.Requested
            : TaskStatusCodes.InProgress;
        return own ?? new FhirTaskStatus(byKind, null, found?.Line ?? 0);
    }
}

/// <summary>Where the top-level fields stand in the file, for findings about them.</summary>
public sealed record DefinitionLines(int Initial, int MainPath, int DerivesFrom);

public sealed record DefinitionKey(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>
/// A phase of the trajectory; the title, sentence and task are what a resident reads, the FHIR status
/// what a referrer sees (per outcome for a terminal phase). In a variant, <see cref="StandsFor"/> names the
/// base phase a renamed phase inherits its task, statuses and expected duration from; without it, the base phase of the
/// same id. <see cref="ExpectedDuration"/>, optional, is how long the phase usually lasts: the routes ahead are dated by it.
/// </summary>
public sealed record Phase(
    string Id,
    string Title,
    string ResidentText,
    bool Terminal,
    IReadOnlyList<string> Outcomes,
    int Line,
    string? StandsFor,
    ResidentTask? ResidentTask,
    FhirTaskStatus? FhirStatus,
    IReadOnlyDictionary<string, FhirTaskStatus> FhirStatusPerOutcome,
    ExpectedDuration? ExpectedDuration);

/// <summary>
/// An event type that moves the trajectory from one of <see cref="From"/> to <see cref="To"/>
/// when sent by one of <see cref="Roles"/> and, if set, when <see cref="Guard"/> holds.
/// A transition into a terminal phase names the outcomes it may close with.
/// </summary>
public sealed record Transition(
    string EventType,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    string? Guard,
    IReadOnlyList<string> Outcomes,
    int Line);
