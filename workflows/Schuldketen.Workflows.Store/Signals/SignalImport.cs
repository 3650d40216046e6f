namespace Schuldketen.Workflows.Store.Signals;

/// <summary>An upload or API call of signals, as <c>GET /api/v1/signals/imports/{id}</c> shows it: how far it is and what was refused.</summary>
public sealed record SignalImport(
    string Id,
    string Caller,
    string CallerRole,
    string MediaType,
    long RowsRead,
    long Accepted,
    long Refused,
    long Done,
    long ReceivedAt,
    long? FinishedAt)
{
    public bool IsDone => Done == 1;
}

/// <summary>Why one row was refused: its line, the field, and what to fix.</summary>
public sealed record SignalImportFault(long Line, string Field, string Problem);

/// <summary>The statuses a stored signal can have here, as DDAS v0.1 names them (EnumSignaalstatus).</summary>
public static class SignalStatuses
{
    public const string NotYetPickedUp = "Nog niet opgepakt";
    public const string Repeated = "Herhaalde melding";
    public const string Unjustified = "Onterecht signaal";
}
