using Microsoft.Data.Sqlite;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// The durable store of trajectories. Every accepted event is applied exactly once, in one
/// transaction with its history, timers, outbox rows and audit entry; reads come straight from
/// the tables.
/// </summary>
public sealed class TrajectoryStore : IAsyncDisposable
{
    private readonly GroupCommitWriter writer;
    private readonly List<CommitListener> listeners = [];

    private TrajectoryStore(StoreDialect dialect, TrajectoryEngine engine, DeadlineClock clock, TimeProvider time, StoreSettings settings)
    {
        Dialect = dialect;
        Engine = engine;
        Clock = clock;
        Time = time;
        writer = new GroupCommitWriter(dialect, new BatchApplier(dialect, engine, clock, time, settings.StepHook), settings.Writers, settings.MaxBatch, SignalCommit);
    }

    public TrajectoryEngine Engine { get; }

    public StoreProvider Provider => Dialect.Provider;

    internal StoreDialect Dialect { get; }

    internal DeadlineClock Clock { get; }

    internal TimeProvider Time { get; }

    /// <summary>Opens the store and brings its schema up to date.</summary>
    public static TrajectoryStore Open(StoreSettings settings, TrajectoryEngine engine, DeadlineClock clock, TimeProvider time)
    {
        StoreDialect dialect = settings.Provider switch
        {
            StoreProvider.Sqlite => new SqliteDialect(settings.ConnectionString),
            _ => new PostgresDialect(settings.ConnectionString),
        };
        if (settings.Provider == StoreProvider.Sqlite
            && Path.GetDirectoryName(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        dialect.Migrate();
        new OverviewTally(dialect, engine.Library, clock).BackfillAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new TrajectoryStore(dialect, engine, clock, time, settings);
    }

    /// <summary>A listener that wakes when a batch commits, for a relay that waits for outbox rows.</summary>
    public CommitListener ListenForCommits()
    {
        var listener = new CommitListener();
        lock (listeners)
        {
            listeners.Add(listener);
        }

        return listener;
    }

    private void SignalCommit()
    {
        lock (listeners)
        {
            foreach (var listener in listeners)
            {
                listener.Signal();
            }
        }
    }

    /// <summary>Applies one event; concurrent calls share commits.</summary>
    public Task<ApplyResult> ApplyAsync(IncomingEvent incoming) => writer.SubmitAsync(incoming);

    public async Task<TrajectoryRecord?> FindAsync(string trajectoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await Dialect.FindTrajectoriesAsync(connection, null, [trajectoryId]);
        return rows.Count == 0 ? null : rows[0].ToRecord();
    }

    public async Task<IReadOnlyList<StoredHistoryEntry>> HistoryAsync(string trajectoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.HistoryAsync(connection, null, trajectoryId)).Select(row => row.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<DueTimer>> TimersAsync(string trajectoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.TimersAsync(connection, trajectoryId)).Select(row => row.ToTimer()).ToList();
    }

    public async Task<IReadOnlyList<StoredParticipant>> ParticipantsAsync(string trajectoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.ParticipantsAsync(connection, trajectoryId)).Select(row => row.ToParticipant()).ToList();
    }

    /// <summary>A page of the trajectories an organisation takes part in, with the total count.</summary>
    public async Task<TrajectoryPage> ListAsync(TrajectoryQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var (rows, total) = await Dialect.ListAsync(
            connection, query.Organisation, query.Phase, query.DueBy?.ToString("O"), (query.Page - 1L) * query.PageSize, query.PageSize, query.Contact);
        return new TrajectoryPage(rows.Select(row => row.ToRecord()).ToList(), total);
    }

    /// <summary>The trajectories of one resident, by the keyed hash of their BSN, newest first.</summary>
    public async Task<IReadOnlyList<TrajectoryRecord>> OfSubjectAsync(string subjectHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.OfSubjectAsync(connection, subjectHash)).Select(row => row.ToRecord()).ToList();
    }

    /// <summary>Records reads of personal data, one entry per trajectory read, in one transaction.</summary>
    public async Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Dialect.InsertAuditAsync(connection, transaction, entries.Select(entry => entry.ToRow()).ToList());
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditOfTrajectoryAsync(string trajectoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.AuditAsync(connection, trajectoryId)).Select(AuditEntry.From).ToList();
    }

    /// <summary>Throws when the database does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public Task<string> DescribeDurabilityAsync(CancellationToken cancellationToken = default) => Dialect.DescribeDurabilityAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        if (Dialect is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
