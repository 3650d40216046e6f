namespace Schuldketen.Workflows.Validation;

/// <summary>The validator's rule ids; each finding names exactly one.</summary>
public static class Rules
{
    public const string YamlSyntax = "yaml-syntax";
    public const string MissingField = "missing-field";
    public const string UnknownField = "unknown-field";
    public const string InvalidValue = "invalid-value";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownPhase = "unknown-phase";
    public const string UnknownRole = "unknown-role";
    public const string UnknownEventType = "unknown-event-type";
    public const string UnknownGuard = "unknown-guard";
    public const string UnknownOutcome = "unknown-outcome";
    public const string MissingOutcome = "missing-outcome";
    public const string UnreachablePhase = "unreachable-phase";
    public const string PhaseWithoutExit = "phase-without-exit";
    public const string TerminalWithoutOutcome = "terminal-without-outcome";
    public const string TerminalWithExit = "terminal-with-exit";
    public const string MainPathBroken = "main-path-broken";
    public const string ImpossibleMoment = "impossible-moment";
    public const string StatutoryWithoutReference = "statutory-without-reference";
    public const string UnknownBaseDefinition = "unknown-base-definition";
    public const string StatutoryDeadlineDropped = "statutory-deadline-dropped";
    public const string StatutoryDeadlineLengthened = "statutory-deadline-lengthened";
    public const string StatutoryDeadlineMoved = "statutory-deadline-moved";
    public const string PhaseWithoutTaskStatus = "phase-without-task-status";
    public const string UnknownTaskStatus = "unknown-task-status";
    public const string UnknownDeadline = "unknown-deadline";
    public const string UnknownBasePhase = "unknown-base-phase";
}
