using Schuldketen.Contracts.CloudEvents;

namespace Schuldketen.Workflows.Relays.Bus;

/// <summary>
/// One event for one organisation: its audience's projection as a CloudEvent. Each recipient gets
/// its own message, so a partner's subscription hears only the trajectories it takes part in.
/// </summary>
public sealed record BusMessage(string Recipient, string Audience, CloudEventEnvelope Event);
