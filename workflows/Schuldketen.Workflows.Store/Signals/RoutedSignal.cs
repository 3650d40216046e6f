using Schuldketen.Workflows.Signals;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>A checked signal, its line in the import, the municipality it goes to and, for a connected partner, the partner's OIN.</summary>
public sealed record RoutedSignal(Vroegsignaal Signal, long Line, string Municipality, string? PartnerOin);

/// <summary>One batch of an import: the rows that passed (each stored whole) and the faults of those that did not, and how many rows it covers.</summary>
public sealed record SignalBatch(IReadOnlyList<RoutedSignal> Signals, IReadOnlyList<RowFault> Faults, long RowsRead);
