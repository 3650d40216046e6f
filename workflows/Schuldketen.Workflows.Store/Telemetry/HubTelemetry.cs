using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Schuldketen.Workflows.Store.Telemetry;

/// <summary>
/// The hub's own spans and instruments, all under the name <see cref="Name"/>. Without a listener they cost next to
/// nothing: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and the instruments drop their
/// measurements. Tags carry only bounded values (rules, channels, event types, definition and deadline ids), never a
/// trajectory id or anything about a person.
/// </summary>
public static class HubTelemetry
{
    public const string Name = "Schuldketen";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsAccepted =
        Meter.CreateCounter<long>("schuldketen.events.accepted", "{event}", "Partner events the hub applied (repeats included).");

    public static readonly Counter<long> EventsRefused =
        Meter.CreateCounter<long>("schuldketen.events.refused", "{event}", "Partner events the hub refused, by the rule they broke.");

    public static readonly Histogram<double> ApplyDuration =
        Meter.CreateHistogram<double>("schuldketen.apply.duration", "s", "From an event handed to the store until its transaction committed.");

    public static readonly Counter<long> DeliveriesFailed =
        Meter.CreateCounter<long>("schuldketen.deliveries.failed", "{attempt}", "Webhook attempts and bus publications that did not succeed, by channel.");

    public static readonly Counter<long> DeliveriesDeadLettered =
        Meter.CreateCounter<long>("schuldketen.deliveries.dead_lettered", "{delivery}",
            "Webhook deliveries given up on after the retry schedule, and partner bus messages dead-lettered, by channel.");

    public static readonly Counter<long> DeadlinesPassed =
        Meter.CreateCounter<long>("schuldketen.deadlines.passed", "{deadline}", "Statutory deadlines that passed, by definition and deadline id.");

    public static readonly Counter<long> SignalRows =
        Meter.CreateCounter<long>("schuldketen.signals.rows", "{row}", "Rows of signal imports, accepted or refused.");

    public static class Spans
    {
        public const string Apply = "schuldketen.apply";
        public const string WebhookRound = "schuldketen.webhook.round";
        public const string WebhookSend = "schuldketen.webhook.send";
        public const string BusRound = "schuldketen.bus.round";
        public const string BusSend = "schuldketen.bus.send";
        public const string BusReceive = "schuldketen.bus.receive";
        public const string Timer = "schuldketen.timer";
    }

    public static class Tags
    {
        public const string Rule = "rule";
        public const string Channel = "channel";
        public const string Outcome = "outcome";
        public const string Definition = "definition";
        public const string Deadline = "deadline";
        public const string EventType = "schuldketen.event.type";
        public const string Audience = "schuldketen.audience";
        public const string Status = "schuldketen.status";
        public const string Count = "schuldketen.count";
        public const string TimerName = "schuldketen.timer";
    }

    public static class Channels
    {
        public const string Webhook = "webhook";
        public const string Bus = "bus";
    }

    /// <summary>Whether anyone listens to the apply span or its latency; when not, the apply path takes no detour.</summary>
    public static bool ApplyObserved => Source.HasListeners() || ApplyDuration.Enabled;

    /// <summary>
    /// A span that joins an event's own trace: its parent is the W3C <c>traceparent</c> stored with the event, or the
    /// current span when the event has none.
    /// </summary>
    public static Activity? StartInTraceOf(string name, ActivityKind kind, string? traceParent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
    }

    /// <summary>Ends a round that found nothing to do without exporting it, so idle relays leave no spans.</summary>
    public static void DropIfIdle(Activity? round, int worked)
    {
        if (round is null)
        {
            return;
        }

        if (worked == 0)
        {
            round.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        else if (round.IsAllDataRequested)
        {
            round.SetTag(Tags.Count, worked);
        }
    }

    public static void Failed(string channel) => DeliveriesFailed.Add(1, new KeyValuePair<string, object?>(Tags.Channel, channel));

    public static void DeadLettered(string channel) => DeliveriesDeadLettered.Add(1, new KeyValuePair<string, object?>(Tags.Channel, channel));
}
