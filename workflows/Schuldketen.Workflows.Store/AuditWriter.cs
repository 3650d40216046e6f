using System.Threading.Channels;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Group commit for the audit entries of reads: every read waits until its entries are durable, but the reads that
/// arrive while one transaction commits share the next one, so a busy hub pays one commit for many reads instead
/// of one each (on SQLite, where one writer commits at a time, that queue was what made reads slow under load).
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable
{
    private const int MaxEntriesPerCommit = 1_000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StoreDialect dialect;
    private readonly Task writer;

    public AuditWriter(StoreDialect dialect)
    {
        this.dialect = dialect;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes once the entries are committed; throws what the commit threw.</summary>
    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending)
            ? pending.Committed.Task.WaitAsync(cancellationToken)
            : throw new ObjectDisposedException(nameof(AuditWriter), "The store is shutting down.");
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            var entries = 0;
            while (entries < MaxEntriesPerCommit && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries += pending.Entries.Count;
            }

            try
            {
                await using var connection = await dialect.OpenAsync(CancellationToken.None);
                await using var transaction = await connection.BeginTransactionAsync();
                await dialect.InsertAuditAsync(connection, transaction, batch.SelectMany(pending => pending.Entries).Select(entry => entry.ToRow()).ToList());
                await transaction.CommitAsync();
                batch.ForEach(pending => pending.Committed.TrySetResult());
            }
            catch (Exception error)
            {
                batch.ForEach(pending => pending.Committed.TrySetException(error));
            }

            batch.Clear();
        }
    }

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Committed);
}
