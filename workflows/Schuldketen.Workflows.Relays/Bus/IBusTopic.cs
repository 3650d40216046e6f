namespace Schuldketen.Workflows.Relays.Bus;

/// <summary>The topic partners hear the hub on. The engine never talks to a broker; the functions' transports implement this.</summary>
public interface IBusTopic
{
    /// <summary>Completes when the broker has accepted the message; throws when it refused it or could not be reached.</summary>
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);
}
