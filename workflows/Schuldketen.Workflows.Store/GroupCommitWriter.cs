using System.Threading.Channels;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Group commit: events queue per partition (by trajectory id), and each partition's writer
/// applies whatever has queued up, up to a batch size, in one transaction. One trajectory always
/// lands in the same partition, so its events stay in order; partitions write in parallel.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<Pending>[] partitions;
    private readonly Task[] writers;
    private readonly StoreDialect dialect;
    private readonly BatchApplier applier;
    private readonly int maxBatch;
    private readonly Action committed;
    private long committedBatches;

    public GroupCommitWriter(StoreDialect dialect, BatchApplier applier, int partitionCount, int maxBatch, Action committed)
    {
        this.committed = committed;
        this.dialect = dialect;
        this.applier = applier;
        this.maxBatch = maxBatch;
        partitions = Enumerable.Range(0, partitionCount)
            .Select(_ => Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        writers = partitions.Select(partition => Task.Run(() => WriteAsync(partition.Reader))).ToArray();
    }

    /// <summary>How many transactions committed so far; the events applied divided by this is the mean batch size.</summary>
    public long CommittedBatches => Interlocked.Read(ref committedBatches);

    public Task<ApplyResult> SubmitAsync(IncomingEvent incoming)
    {
        var pending = new Pending(incoming, new TaskCompletionSource<ApplyResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        var partition = partitions[(int)((uint)incoming.TrajectoryId.GetHashCode() % (uint)partitions.Length)];
        if (!partition.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The store is shutting down.");
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var partition in partitions)
        {
            partition.Writer.TryComplete();
        }

        await Task.WhenAll(writers);
    }

    private async Task WriteAsync(ChannelReader<Pending> reader)
    {
        var batch = new List<Pending>(maxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (!await TryApplyAsync(batch) && batch.Count > 1)
            {
                // One event may have broken the batch: apply them one by one so the others still go through.
                foreach (var pending in batch)
                {
                    await TryApplyAsync([pending]);
                }
            }

            batch.Clear();
        }
    }

    private async Task<bool> TryApplyAsync(List<Pending> batch)
    {
        try
        {
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            var results = await applier.ApplyAsync(connection, batch.Select(pending => pending.Event).ToList(), CancellationToken.None);
            Interlocked.Increment(ref committedBatches);
            committed();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }

            return true;
        }
        catch (Exception error) when (batch.Count == 1)
        {
            // Not committed, or its commit not confirmed: a retry with the same event id is safe either way.
            batch[0].Completion.TrySetException(error);
            return false;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private sealed record Pending(IncomingEvent Event, TaskCompletionSource<ApplyResult> Completion);
}
