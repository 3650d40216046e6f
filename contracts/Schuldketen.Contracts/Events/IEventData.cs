using System.Collections.Frozen;

namespace Schuldketen.Contracts.Events;

/// <summary>The <c>data</c> of an event a partner sends, as the engine needs it.</summary>
public interface IEventData
{
    static IReadOnlySet<string> EmptyFacts { get; } = FrozenSet<string>.Empty;

    /// <summary>Conditions the event states, for guarded transitions: "crisis" or "geen-crisis" for the crisis check; empty otherwise.</summary>
    IReadOnlySet<string> Facts => EmptyFacts;

    /// <summary>The outcome a closing event names, if the sender chooses it.</summary>
    string? Outcome => null;
}
