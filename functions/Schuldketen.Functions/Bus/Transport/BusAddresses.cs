namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// Where messages go on each broker. Names are the same on both: the topic <c>&lt;prefix&gt;.uit</c>, an
/// intake queue per partner and role (<c>&lt;prefix&gt;.in.&lt;role&gt;.&lt;oin&gt;</c>), and per partner what it hears.
/// RabbitMQ's AMQP 1.0 plugin addresses exchanges and declared queues by path; Service Bus by entity path.
/// </summary>
public sealed record BusAddresses(BusProfile Profile, string Prefix)
{
    /// <summary>The application property that names the recipient, for Service Bus subscription filters.</summary>
    public const string RecipientProperty = "schuldketen_ontvanger";

    public const string AudienceProperty = "schuldketen_publiek";

    public string Topic => Prefix + ".uit";

    public string DeadLetterExchange => Prefix + ".dood";

    public string IntakeQueue(BusPartner partner) => $"{Prefix}.in.{partner.Role}.{partner.Organisation}";

    /// <summary>RabbitMQ: the quorum queue the dead-letter exchange routes a queue's dead letters to.</summary>
    public static string DeadLetterQueue(string queue) => queue + ".dlq";

    /// <summary>RabbitMQ: the queue a partner reads its events from, bound to the topic with <c>*.&lt;oin&gt;</c>.</summary>
    public string PartnerQueue(string organisation) => $"{Topic}.{organisation}";

    /// <summary>Routing key <c>&lt;audience&gt;.&lt;oin&gt;</c> on RabbitMQ; on Service Bus the topic, filtered on <see cref="RecipientProperty"/>.</summary>
    public string Publish(string audience, string recipient) =>
        Profile == BusProfile.RabbitMq ? $"/exchange/{Topic}/{audience}.{recipient}" : Topic;

    public string Receive(string queue) => Profile == BusProfile.RabbitMq ? $"/amq/queue/{queue}" : queue;

    /// <summary>Where a partner reads what the hub publishes for it.</summary>
    public string PartnerSubscription(string organisation) =>
        Profile == BusProfile.RabbitMq ? $"/amq/queue/{PartnerQueue(organisation)}" : $"{Topic}/Subscriptions/{organisation}";

    /// <summary>RabbitMQ: where the hub sends a dead letter's copy. (Service Bus dead-letters by settlement.)</summary>
    public string DeadLetterRoute(string queue) => $"/exchange/{DeadLetterExchange}/{queue}";

    /// <summary>Where the dead letters of an intake queue can be read.</summary>
    public string DeadLetters(string queue) =>
        Profile == BusProfile.RabbitMq ? $"/amq/queue/{DeadLetterQueue(queue)}" : $"{queue}/$deadletterqueue";
}
