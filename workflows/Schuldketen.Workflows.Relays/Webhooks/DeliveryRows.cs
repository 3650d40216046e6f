namespace Schuldketen.Workflows.Relays.Webhooks;

// Rows as the delivery tables hold them; instants in Unix milliseconds, as everywhere in the store.

internal sealed record SubscriptionRow(
    string Id, string Organisation, string CallbackUrl, string EventTypes, string Secret, long CreatedAt, long? EndedAt, string? EndReason)
{
    public static SubscriptionRow From(Subscription subscription) => new(
        subscription.Id, subscription.Organisation, subscription.CallbackUrl.ToString(), string.Join(' ', subscription.EventTypes), subscription.Secret,
        subscription.CreatedAt.ToUnixTimeMilliseconds(), subscription.EndedAt?.ToUnixTimeMilliseconds(), subscription.EndReason);

    public Subscription ToSubscription() => new(
        Id, Organisation, new Uri(CallbackUrl), EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), Secret,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), EndedAt is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null, EndReason);
}

internal record DeliveryRow(
    long Id, string SubscriptionId, long OutboxId, string TrajectoryId, long Sequence, string Status, long Attempts, long NextAttemptAt,
    long CreatedAt, long? LastStatus, string? LastError, long? DoneAt)
{
    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        _ => "failed",
    };

    public Delivery ToDelivery() => new(
        Id, SubscriptionId, OutboxId, TrajectoryId, Sequence,
        Status switch { "pending" => DeliveryStatus.Pending, "delivered" => DeliveryStatus.Delivered, _ => DeliveryStatus.Failed },
        (int)Attempts, DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt), DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        (int?)LastStatus, LastError, DoneAt is { } done ? DateTimeOffset.FromUnixTimeMilliseconds(done) : null);
}

internal sealed record DueDeliveryRow(
    long Id, string SubscriptionId, long OutboxId, string TrajectoryId, long Sequence, string Status, long Attempts, long NextAttemptAt,
    long CreatedAt, long? LastStatus, string? LastError, long? DoneAt,
    string EventType, string Audience, string Payload, string? TraceParent, long OccurredAt, string CallbackUrl, string Secret)
{
    public DueDelivery ToDue() => new(
        new DeliveryRow(Id, SubscriptionId, OutboxId, TrajectoryId, Sequence, Status, Attempts, NextAttemptAt, CreatedAt, LastStatus, LastError, DoneAt).ToDelivery(),
        EventType, Audience, Payload, TraceParent, DateTimeOffset.FromUnixTimeMilliseconds(OccurredAt), new Uri(CallbackUrl), Secret);
}

/// <summary>A delivery with what it takes to send it.</summary>
public sealed record DueDelivery(
    Delivery Delivery, string EventType, string Audience, string Payload, string? TraceParent, DateTimeOffset OccurredAt, Uri CallbackUrl, string Secret);
