namespace Schuldketen.Functions.Bus;

/// <summary>The bus, section <c>Schuldketen:Bus</c>: which broker, how to reach it, and whose intake queues the hub reads.</summary>
public sealed class BusOptions
{
    public const string Section = "Schuldketen:Bus";

    public BusProfile Profile { get; set; } = BusProfile.InMemory;

    /// <summary>
    /// RabbitMQ: <c>amqp://user:password@host:port</c>. Azure Service Bus: the namespace's host name,
    /// e.g. <c>voorbeeld.servicebus.windows.net</c> (the hub connects with TLS on 5671).
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Azure Service Bus: the shared access policy's name and key, for SAS tokens through the CBS node.</summary>
    public string? KeyName { get; set; }

    public string? Key { get; set; }

    /// <summary>
    /// The start of every name on the broker: the topic <c>&lt;prefix&gt;.uit</c> (RabbitMQ: a topic exchange), the
    /// intake queues <c>&lt;prefix&gt;.in.&lt;role&gt;.&lt;oin&gt;</c> and the dead-letter exchange <c>&lt;prefix&gt;.dood</c>.
    /// </summary>
    public string Prefix { get; set; } = "schuldketen";

    /// <summary>Attempts at a message before it is dead-lettered, as the Azure Functions trigger's maxDeliveryCount.</summary>
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>Messages a queue's link holds unsettled at once.</summary>
    public int Prefetch { get; set; } = 50;

    /// <summary>The organisations that send events over the bus, each on its own intake queue per role.</summary>
    public List<BusPartner> Partners { get; set; } = [];

    /// <summary>How often the bus relay looks for work when no commit wakes it, and how long it waits after the broker failed.</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>A partner on the bus: its OIN and the role it sends as (<c>schuldeiser</c>, <c>bewindvoerder</c>, ...).</summary>
public sealed class BusPartner
{
    public string Organisation { get; set; } = "";

    public string Role { get; set; } = "";
}

public enum BusProfile
{
    /// <summary>In-process topic and queues: the embedded default, for one host.</summary>
    InMemory,

    /// <summary>RabbitMQ 3.10+ with its AMQP 1.0 plugin, quorum queues and a dead-letter exchange.</summary>
    RabbitMq,

    /// <summary>Azure Service Bus over AMQP 1.0: a topic, a queue per partner and role, SAS through CBS.</summary>
    ServiceBus,
}
