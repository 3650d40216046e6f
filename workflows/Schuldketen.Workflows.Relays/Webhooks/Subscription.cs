namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// A partner's subscription: where to POST its trajectories' events, which event types (empty: all),
/// and the secret that signs each delivery. Ended subscriptions stay, with the reason.
/// </summary>
public sealed record Subscription(
    string Id,
    string Organisation,
    Uri CallbackUrl,
    IReadOnlyList<string> EventTypes,
    string Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType);
}

/// <summary>One event on its way to one subscription.</summary>
public sealed record Delivery(
    long Id,
    string SubscriptionId,
    long OutboxId,
    string TrajectoryId,
    long Sequence,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset? DoneAt);

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Given up on after the retry schedule, or because the subscription ended; a partner may ask for redelivery.</summary>
    Failed,
}
