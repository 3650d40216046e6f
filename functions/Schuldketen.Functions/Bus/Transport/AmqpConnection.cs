using System.Collections.Concurrent;
using Amqp;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// One AMQP 1.0 connection to the broker, opened when first needed and again after it broke, and the
/// links on it. While the broker is out of reach it fails fast for a second after each attempt,
/// so callers do not pile up on connect timeouts.
/// </summary>
internal sealed class AmqpConnection(BusOptions options, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(20);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<string, SenderLink> senders = new();
    private Connection? connection;
    private Session? session;
    private DateTimeOffset retryAt;

    public async Task<SenderLink> SenderAsync(string address, CancellationToken cancellationToken)
    {
        if (senders.TryGetValue(address, out var current) && !current.IsClosed && IsOpen)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (senders.TryGetValue(address, out current) && !current.IsClosed && IsOpen)
            {
                return current;
            }

            var open = await OpenAsync(cancellationToken);
            var sender = new SenderLink(open, $"schuldketen-{Guid.NewGuid():N}", address);
            senders[address] = sender;
            return sender;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<ReceiverLink> ReceiverAsync(string address, int credit, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var open = await OpenAsync(cancellationToken);
            var receiver = new ReceiverLink(open, $"schuldketen-{Guid.NewGuid():N}", address);
            receiver.SetCredit(credit, CreditMode.Auto);
            return receiver;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsOpen => connection is { IsClosed: false } && session is { IsClosed: false };

    /// <summary>The session, connecting first if needed. Call under the gate.</summary>
    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            if (time.GetUtcNow() < retryAt)
            {
                throw new BusUnavailableException("The broker could not be reached a moment ago; the hub tries again shortly.");
            }

            await CloseAsync();
            try
            {
                var factory = new ConnectionFactory();

                // Heartbeats both ways: a broker gone silent (a dropped network, not a closed socket) closes the connection, and the next call reconnects.
                factory.AMQP.IdleTimeout = (int)IdleTimeout.TotalMilliseconds;
                connection = await factory.CreateAsync(new Address(options.Address), cancellationToken).WaitAsync(ConnectTimeout, cancellationToken);
                session = new Session(connection);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                retryAt = time.GetUtcNow() + RetryAfterFailure;
                throw new BusUnavailableException($"The broker could not be reached: {error.Message}", error);
            }
        }

        return session!;
    }

    private async Task CloseAsync()
    {
        senders.Clear();
        if (connection is { IsClosed: false } open)
        {
            try
            {
                await open.CloseAsync();
            }
            catch (AmqpException)
            {
                // Already broken; a new connection replaces it.
            }
        }

        connection = null;
        session = null;
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
