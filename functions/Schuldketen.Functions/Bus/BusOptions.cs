using Schuldketen.Contracts;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Bus;

/// <summary>The bus, section <c>Schuldketen:Bus</c>: which broker, how to reach it, and whose intake queues the hub reads.</summary>
public sealed class BusOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Bus";

    public BusProfile Profile { get; set; } = BusProfile.InMemory;

    /// <summary>RabbitMQ: the broker's address, <c>amqp://user:password@host:port</c>.</summary>
    public string? Address { get; set; }

    /// <summary>
    /// Azure Service Bus: a connection string, <c>Endpoint=sb://&lt;namespace&gt;.servicebus.windows.net/;SharedAccessKeyName=…;SharedAccessKey=…</c>
    /// (the Service Bus emulator's carries <c>UseDevelopmentEmulator=true</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Azure Service Bus without a connection string: the namespace's host name, reached with DefaultAzureCredential (managed identity).</summary>
    public string? FullyQualifiedNamespace { get; set; }

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

    /// <summary>What the profile needs and is missing, then what any profile needs.</summary>
    public IEnumerable<string> Problems() => ProfileProblems().Concat(CommonProblems());

    private IEnumerable<string> ProfileProblems()
    {
        if (Profile == BusProfile.RabbitMq)
        {
            if (string.IsNullOrWhiteSpace(Address))
            {
                yield return "Schuldketen__Bus__Address is empty: the RabbitMq bus needs the broker's address, amqp://user:password@host:port.";
            }
            else if (!Uri.TryCreate(Address, UriKind.Absolute, out var broker) || broker.Scheme is not ("amqp" or "amqps") || broker.Host.Length == 0)
            {
                // Not echoed: the address holds the broker's password.
                yield return "Schuldketen__Bus__Address is not an amqp:// or amqps:// URI: give the RabbitMq broker's address as amqp://user:password@host:port.";
            }
        }

        if (Profile == BusProfile.ServiceBus)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
            {
                yield return "Schuldketen__Bus__ConnectionString and Schuldketen__Bus__FullyQualifiedNamespace are both empty: the ServiceBus bus needs " +
                             "the namespace's connection string, or its host name (such as voorbeeld.servicebus.windows.net) to connect with a managed identity.";
            }
            else if (!string.IsNullOrWhiteSpace(ConnectionString) && !string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
            {
                yield return "Schuldketen__Bus__ConnectionString and Schuldketen__Bus__FullyQualifiedNamespace are both set: give one, the connection string or the namespace.";
            }
            else if (!string.IsNullOrWhiteSpace(ConnectionString) && !IsConnectionString(ConnectionString))
            {
                // Not echoed: the connection string holds the key.
                yield return "Schuldketen__Bus__ConnectionString is not a Service Bus connection string: give " +
                             "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<policy>;SharedAccessKey=<key>, as the portal shows it.";
            }
            else if (!string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns)
            {
                yield return $"Schuldketen__Bus__FullyQualifiedNamespace is '{FullyQualifiedNamespace}', not a host name: give only the namespace's host name, such as voorbeeld.servicebus.windows.net.";
            }

            if (!string.IsNullOrWhiteSpace(Address))
            {
                yield return "Schuldketen__Bus__Address is set, but it is for the RabbitMq bus only: the ServiceBus bus takes " +
                             "Schuldketen__Bus__ConnectionString or Schuldketen__Bus__FullyQualifiedNamespace; remove Address.";
            }
        }
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            var properties = Azure.Messaging.ServiceBus.ServiceBusConnectionStringProperties.Parse(connectionString);
            return properties.Endpoint is not null
                   && (properties.SharedAccessSignature is not null || (properties.SharedAccessKeyName is not null && properties.SharedAccessKey is not null));
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private IEnumerable<string> CommonProblems()
    {
        if (string.IsNullOrWhiteSpace(Prefix))
        {
            yield return "Schuldketen__Bus__Prefix is empty: set the start of every name on the broker (default schuldketen).";
        }

        if (MaxDeliveryCount < 1)
        {
            yield return $"Schuldketen__Bus__MaxDeliveryCount is {MaxDeliveryCount}: set it to 1 or more attempts (default 5).";
        }

        if (Prefetch < 1)
        {
            yield return $"Schuldketen__Bus__Prefetch is {Prefetch}: set it to 1 or more messages (default 50).";
        }

        if (RelayInterval <= TimeSpan.Zero)
        {
            yield return $"Schuldketen__Bus__RelayInterval is {RelayInterval}: set it to a positive time span such as 00:00:00.250 (the default).";
        }

        for (var index = 0; index < Partners.Count; index++)
        {
            var partner = Partners[index];
            if (!OinFormat.IsValid(partner.Organisation))
            {
                yield return $"Schuldketen__Bus__Partners__{index}__Organisation is '{partner.Organisation}', not an OIN: give the partner's OIN of 20 digits.";
            }

            if (!PartnerRoles.TryParse(partner.Role, out var role) || role == PartnerRole.Hub)
            {
                var roles = string.Join(", ", PartnerRoles.All.Where(known => known != PartnerRole.Hub).Select(known => known.WireName()));
                yield return $"Schuldketen__Bus__Partners__{index}__Role is '{partner.Role}', not a role in the chain: use one of {roles}.";
            }
        }
    }
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

    /// <summary>Azure Service Bus through Microsoft's SDK: a topic with a subscription per partner, a queue per partner and role.</summary>
    ServiceBus,
}
