using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// A clock: it starts at <see cref="From"/>, stops at the first of <see cref="Until"/>
/// (or when the trajectory closes), and raises <see cref="OnExpiry"/> when it passes.
/// </summary>
public sealed record Deadline(
    string Id,
    string Title,
    TermLength Length,
    Moment From,
    IReadOnlyList<Moment> Until,
    DeadlineBasis Basis,
    string Responsible,
    string OnExpiry,
    int Line,
    int DurationLine)
{
    public bool IsStatutory => Basis.Kind == BasisKind.Law;
}

/// <summary>Where a deadline comes from: law (with its article), a sector guideline, or local policy.</summary>
public sealed record DeadlineBasis(BasisKind Kind, string? Reference);

public enum BasisKind
{
    /// <summary><c>wet</c>: only these are guarded against local variants and counted under the Atw.</summary>
    Law,

    /// <summary><c>richtlijn</c>: a sector norm, such as NVVK's.</summary>
    Guideline,

    /// <summary><c>beleid</c>: the municipality's own policy.</summary>
    Policy,
}

/// <summary>A moment in a trajectory: its start, entering a phase, or applying an event.</summary>
public sealed record Moment(MomentKind Kind, string? Reference, int Line)
{
    public bool Matches(string? enteredPhase, string eventType) => Kind switch
    {
        MomentKind.PhaseEntered => Reference == enteredPhase,
        MomentKind.EventApplied => Reference == eventType,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        MomentKind.Start => "start",
        MomentKind.PhaseEntered => $"phase {Reference}",
        _ => $"event {Reference}",
    };
}

public enum MomentKind
{
    Start,
    PhaseEntered,
    EventApplied,
}
