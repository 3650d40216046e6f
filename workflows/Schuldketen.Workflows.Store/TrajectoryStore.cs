using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Schuldketen.Workflows.Store.Overview;
using Schuldketen.Workflows.Store.Telemetry;
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
    private readonly AuditWriter audit;
    private readonly List<CommitListener> listeners = [];
    private IAsyncDisposable? otherHosts;

    private TrajectoryStore(StoreDialect dialect, TrajectoryEngine engine, DeadlineClock clock, TimeProvider time, StoreSettings settings)
    {
        Dialect = dialect;
        Engine = engine;
        Clock = clock;
        Time = time;
        writer = new GroupCommitWriter(dialect, new BatchApplier(dialect, engine, clock, time, settings.StepHook), settings.Writers, settings.MaxBatch, SignalCommit);
        audit = new AuditWriter(dialect);
    }

    public TrajectoryEngine Engine { get; }

    public StoreProvider Provider => Dialect.Provider;

    internal StoreDialect Dialect { get; }

    /// <summary>How many apply transactions committed since the store opened.</summary>
    public long CommittedBatches => writer.CommittedBatches;

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

    /// <summary>
    /// A listener that wakes when a batch commits, for a relay that waits for outbox rows: a batch of
    /// this store, or on PostgreSQL one of another host on the same database.
    /// </summary>
    public CommitListener ListenForCommits()
    {
        var listener = new CommitListener();
        lock (listeners)
        {
            listeners.Add(listener);
            otherHosts ??= Dialect.ListenForOtherHosts(SignalCommit);
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
    public Task<ApplyResult> ApplyAsync(IncomingEvent incoming) =>
        HubTelemetry.ApplyObserved ? ApplyObservedAsync(incoming) : writer.SubmitAsync(incoming);

    /// <summary>The apply as a span under the caller's (the request's) and its latency; only when someone listens.</summary>
    private async Task<ApplyResult> ApplyObservedAsync(IncomingEvent incoming)
    {
        using var activity = HubTelemetry.Source.StartActivity(HubTelemetry.Spans.Apply);
        var started = Stopwatch.GetTimestamp();
        var result = await writer.SubmitAsync(incoming);
        HubTelemetry.ApplyDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.Tags.EventType, incoming.Type);
            activity.SetTag(HubTelemetry.Tags.Status, result.Status.ToString());
        }

        return result;
    }

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

    /// <summary>The participants and running timers of a page of trajectories, in two reads whatever the page's size.</summary>
    public async Task<(ILookup<string, StoredParticipant> Participants, ILookup<string, DueTimer> Timers)> CasesOfAsync(
        IReadOnlyCollection<string> trajectoryIds, CancellationToken cancellationToken = default)
    {
        List<ParticipantRow> participants = [];
        List<TimerRow> timers = [];
        if (trajectoryIds.Count > 0)
        {
            await using var connection = await Dialect.OpenAsync(cancellationToken);
            participants = await Dialect.ParticipantsOfAsync(connection, trajectoryIds);
            timers = await Dialect.TimersOfAsync(connection, trajectoryIds);
        }

        return (participants.ToLookup(row => row.TrajectoryId, row => row.ToParticipant(), StringComparer.Ordinal),
            timers.ToLookup(row => row.TrajectoryId, row => row.ToTimer(), StringComparer.Ordinal));
    }

    /// <summary>A page of the trajectories an organisation takes part in, whether another follows, and the total count when asked.</summary>
    public async Task<TrajectoryPage> ListAsync(TrajectoryQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var (rows, total) = await Dialect.ListAsync(connection, query);
        var items = rows.Take(query.PageSize).Select(row => row.ToRecord()).ToList();
        var more = rows.Count > query.PageSize;
        var next = more && query.Order == TrajectoryOrder.NewestChangeFirst ? ListPosition.Of(items[^1]) : null;
        return new TrajectoryPage(items, total, more, next);
    }

    /// <summary>The trajectories of one resident, by the keyed hash of their BSN, newest first.</summary>
    public async Task<IReadOnlyList<TrajectoryRecord>> OfSubjectAsync(string subjectHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await Dialect.OfSubjectAsync(connection, subjectHash)).Select(row => row.ToRecord()).ToList();
    }

    /// <summary>Records reads of personal data, one entry per trajectory read; completes once they are committed, with those of other reads.</summary>
    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0 ? Task.CompletedTask : audit.RecordAsync(entries, cancellationToken);

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
        await audit.DisposeAsync();
        if (otherHosts is not null)
        {
            await otherHosts.DisposeAsync();
        }

        if (Dialect is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
