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
}

/// <summary>Where the top-level fields stand in the file, for findings about them.</summary>
public sealed record DefinitionLines(int Initial, int MainPath, int DerivesFrom);

public sealed record DefinitionKey(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>A phase of the trajectory; the title and sentence are what a resident reads.</summary>
public sealed record Phase(
    string Id,
    string Title,
    string ResidentText,
    bool Terminal,
    IReadOnlyList<string> Outcomes,
    int Line);

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
