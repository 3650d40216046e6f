using System.Text.Json;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// One outbox row: an event in one audience's projection. Webhooks and the bus send it as the same
/// CloudEvent, with an id made of trajectory, sequence and audience, so a receiver dedupes across both.
/// </summary>
public sealed record OutboxEvent(
    long Id, string TrajectoryId, long Sequence, string Audience, string EventType, string Payload, string? TraceParent, DateTimeOffset OccurredAt)
{
    public CloudEventEnvelope ToCloudEvent(HubIdentity hub)
    {
        using var data = JsonDocument.Parse(Payload);
        return CloudEventEnvelope.Outgoing(
            $"{TrajectoryId}-{Sequence}-{Audience}", hub.Source, EventType, TrajectoryId, OccurredAt, data.RootElement, Sequence, TraceParent);
    }
}
