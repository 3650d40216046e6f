namespace Schuldketen.Workflows.Store;

/// <summary>The writes of one transaction, in order; a fault between any two leaves nothing behind.</summary>
public enum ApplyStep
{
    InboxRecorded,
    TrajectoriesWritten,
    HistoryAppended,
    TimersSet,
    OutboxWritten,
    AuditWritten,
}
