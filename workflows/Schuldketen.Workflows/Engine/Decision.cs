namespace Schuldketen.Workflows.Engine;

/// <summary>What the engine decided about one event for one trajectory.</summary>
public sealed record Decision(
    bool Permitted,
    string Phase,
    string? Outcome,
    Refusal? Refusal,
    IReadOnlyList<string> PermittedEventTypes)
{
    public static Decision Accept(string phase, string? outcome) => new(true, phase, outcome, null, []);

    public static Decision Refuse(string phase, Refusal refusal, IReadOnlyList<string> permitted) =>
        new(false, phase, null, refusal, permitted);
}

/// <summary>Why an event was refused, in words an integrating developer can act on.</summary>
public sealed record Refusal(RefusalReason Reason, string Detail);

public enum RefusalReason
{
    /// <summary>The trajectory is closed; nothing moves it any more.</summary>
    TrajectoryClosed,

    /// <summary>The event type does not apply in the current phase.</summary>
    NotPermittedInPhase,

    /// <summary>The event applies, but not when sent by this role.</summary>
    RoleNotPermitted,

    /// <summary>The event applies, but its condition (such as <c>crisis</c>) was not stated.</summary>
    GuardNotMet,

    /// <summary>The event closes the trajectory and needs one of the allowed outcomes.</summary>
    OutcomeRequired,
}
