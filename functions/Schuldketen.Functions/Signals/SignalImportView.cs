using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// An import as its sender sees it: the rows in the file, how many were read, accepted and refused so far, whether it
/// is done, and each refused row's line, field and what to fix.
/// </summary>
public sealed record SignalImportView(
    string Id,
    long? Rows,
    long RowsRead,
    long Accepted,
    long Refused,
    bool Done,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<SignalImportFault> RefusedRows)
{
    public static SignalImportView From(SignalImport import, long? rows, IReadOnlyList<SignalImportFault> faults) => new(
        import.Id, rows, import.RowsRead, import.Accepted, import.Refused, import.IsDone,
        DateTimeOffset.FromUnixTimeMilliseconds(import.ReceivedAt),
        import.FinishedAt is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null,
        faults);
}
