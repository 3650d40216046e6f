namespace Schuldketen.Workflows.Store;

/// <summary>
/// Wakes one relay when a batch commits (its outbox rows are ready), here or, on PostgreSQL, at another
/// host. Each relay has its own, so the webhook relay and the bus relay both hear every commit; signals
/// that arrive while it works fold into one.
/// </summary>
public sealed class CommitListener
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Waits until a batch commits (true) or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    internal void Signal()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled in between: one wake-up is all the relay needs.
            }
        }
    }
}
