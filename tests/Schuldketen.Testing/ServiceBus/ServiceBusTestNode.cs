using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// A test double, not a product: just enough of Azure Service Bus over AMQP 1.0 (Microsoft.Azure.Amqp's listener) for
/// Azure.Messaging.ServiceBus to run unmodified against it in the tests, with a connection string carrying
/// <c>UseDevelopmentEmulator=true</c>. Plain TCP on a free loopback port; SASL <c>MSSBCBS</c>; a <c>$cbs</c> node that checks
/// each SAS token's signature and expiry; queues with peek-lock, delivery counts, abandon, dead-letter sub-queues and a
/// <c>$management</c> node for renew-lock; topics whose subscriptions filter on one application property. Nothing is kept
/// on disk, there are no sessions, schedules, transactions, batches or SQL filters.
/// </summary>
public sealed class ServiceBusTestNode : IRuntimeProvider, IDisposable
{
    public const string KeyName = "RootManageSharedAccessKey";

    /// <summary>What the node announces as the largest message; Service Bus Standard's limit.</summary>
    internal const ulong MaxMessageSize = 256 * 1024;

    private readonly ConcurrentDictionary<string, NodeQueue> queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, NodeTopic> topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly RequestNode cbs;
    private readonly AmqpConnectionListener listener;

    private ServiceBusTestNode(int port)
    {
        Port = port;
        Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var sas = new SasCheck(KeyName, Key, TimeProvider.System);
        cbs = new RequestNode(request => Task.FromResult(sas.PutToken(request)));
        var settings = new AmqpSettings { RuntimeProvider = this };
        var version = new AmqpVersion(new Version(1, 0, 0, 0));
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(version);
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        settings.TransportProviders.Add(sasl);
        var amqp = new Microsoft.Azure.Amqp.Transport.AmqpTransportProvider();
        amqp.Versions.Add(version);
        settings.TransportProviders.Add(amqp);
        listener = new AmqpConnectionListener([$"amqp://127.0.0.1:{port}"], settings,
            new AmqpConnectionSettings { ContainerId = "schuldketen-servicebus-test-node", MaxFrameSize = 64 * 1024 });
        listener.Open();
    }

    public int Port { get; }

    /// <summary>The key of the one shared access policy, <see cref="KeyName"/>.</summary>
    public string Key { get; }

    /// <summary>How Azure.Messaging.ServiceBus reaches the node with the right key.</summary>
    public string ConnectionString => ConnectionStringWith(Key);

    public static ServiceBusTestNode Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            // A free port, asked of the system first: the listener cannot report the one it was given.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new ServiceBusTestNode(port);
            }
            catch (SocketException) when (attempt < 3)
            {
                // Another process took the port in between; ask again.
            }
        }
    }

    public string ConnectionStringWith(string key) =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName={KeyName};SharedAccessKey={key};UseDevelopmentEmulator=true";

    /// <summary>A queue that dead-letters a message abandoned <paramref name="maxDeliveryCount"/> times.</summary>
    public void AddQueue(string name, int maxDeliveryCount) => AddQueueAt(name, maxDeliveryCount);

    public void AddTopic(string name) => topics.TryAdd(name, new NodeTopic());

    /// <summary>A subscription of <paramref name="topic"/> that takes only messages whose application property <paramref name="property"/> is <paramref name="value"/>.</summary>
    public void AddSubscription(string topic, string name, string property, string value, int maxDeliveryCount) =>
        topics[topic].Subscribe(AddQueueAt($"{topic}/Subscriptions/{name}", maxDeliveryCount), property, value);

    public void Dispose()
    {
        listener.Close();
        foreach (var queue in queues.Values.Distinct())
        {
            queue.Close();
        }
    }

    private NodeQueue AddQueueAt(string path, int maxDeliveryCount)
    {
        var deadLetters = new NodeQueue(int.MaxValue, null);
        queues.TryAdd(path + "/$deadletterqueue", deadLetters);
        var queue = new NodeQueue(maxDeliveryCount, deadLetters);
        queues.TryAdd(path, queue);
        queues.TryAdd(path + "/$management", queue);
        return queue;
    }

    AmqpConnection IConnectionFactory.CreateConnection(
        Microsoft.Azure.Amqp.Transport.TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, false, amqpSettings, connectionSettings);

    AmqpSession ISessionFactory.CreateSession(AmqpConnection connection, AmqpSessionSettings settings) => new(connection, settings, this);

    AmqpLink ILinkFactory.CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        if (settings.Role == true)
        {
            // The client sends: the node receives, taking at most Service Bus's message size.
            settings.MaxMessageSize = MaxMessageSize;
            settings.TotalLinkCredit = 100;
            settings.AutoSendFlow = true;
            return new ReceivingAmqpLink(session, settings);
        }

        return new SendingAmqpLink(session, settings);
    }

    IAsyncResult ILinkFactory.BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        var address = (link.IsReceiver ? (link.Settings.Target as Target)?.Address : (link.Settings.Source as Source)?.Address)?.ToString()?.TrimStart('/')
            ?? throw new AmqpException(AmqpErrorCode.InvalidField, "The link has no address.");
        if (address == "$cbs")
        {
            cbs.Attach(link);
        }
        else if (address.EndsWith("/$management", StringComparison.OrdinalIgnoreCase) && queues.TryGetValue(address, out var managed))
        {
            managed.Management.Attach(link);
        }
        else if (queues.TryGetValue(address, out var queue))
        {
            queue.Attach(link);
        }
        else if (link.IsReceiver && topics.TryGetValue(address, out var topic))
        {
            topic.Attach((ReceivingAmqpLink)link);
        }
        else
        {
            throw new AmqpException(AmqpErrorCode.NotFound, $"The messaging entity '{address}' could not be found.");
        }

        var result = new CompletedResult(state);
        callback(result);
        return result;
    }

    void ILinkFactory.EndOpenLink(IAsyncResult result)
    {
    }

    private sealed class CompletedResult(object state) : IAsyncResult
    {
        public object AsyncState => state;

        public WaitHandle AsyncWaitHandle => throw new NotSupportedException();

        public bool CompletedSynchronously => true;

        public bool IsCompleted => true;
    }
}
