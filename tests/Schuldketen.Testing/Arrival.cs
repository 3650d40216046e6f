namespace Schuldketen.Testing;

/// <summary>One event as a partner received it, on the bus or by webhook: its CloudEvent id, its trajectory and its sequence.</summary>
public sealed record Arrival(string Id, string Subject, long Sequence);
