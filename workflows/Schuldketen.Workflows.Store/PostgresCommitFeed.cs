using Npgsql;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Commits of other hosts on the same PostgreSQL database: each apply transaction that writes outbox
/// rows sends <c>NOTIFY</c> on <see cref="Channel"/> with its store's id, delivered when it commits; one
/// connection per store listens and wakes the local relays for the notices of the other stores. When
/// that connection is lost it reconnects, and wakes the relays once, for commits it may have missed.
/// Polling stays the safety net.
/// </summary>
internal sealed class PostgresCommitFeed : IAsyncDisposable
{
    public const string Channel = "schuldketen_commits";

    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly string storeId;
    private readonly Action signal;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task listening;

    public PostgresCommitFeed(NpgsqlDataSource dataSource, string storeId, Action signal)
    {
        this.dataSource = dataSource;
        this.storeId = storeId;
        this.signal = signal;
        listening = Task.Run(ListenAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await listening;
        stopping.Dispose();
    }

    private async Task ListenAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping.Token);
                connection.Notification += (_, notice) =>
                {
                    if (notice.Payload != storeId)
                    {
                        signal();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping.Token);
                }

                signal();
                while (true)
                {
                    if (!await connection.WaitAsync(Probe, stopping.Token))
                    {
                        // Quiet for a while: make sure the connection still stands, else reconnect.
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteScalarAsync(stopping.Token);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                // The database is out of reach: the relays poll meanwhile; try again shortly.
                try
                {
                    await Task.Delay(Reconnect, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
