using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Npgsql;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Testing.ServiceBus;

namespace Schuldketen.Faults.Tests;

/// <summary>
/// The hub as it runs in production, for one test: real host processes with the same keys on a fresh
/// PostgreSQL database, publishing to their own RabbitMQ topic (provisioned first) or, on the Service Bus profile, to a
/// Service Bus test node in the test process, and the municipality and the debt counsellor as bus partners. Signs the
/// partners' tokens with the hosts' key.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    private readonly EmbeddedTokenIssuer issuer;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthenticationHeaderValue> tokens = new(StringComparer.Ordinal);

    private readonly ServiceBusTestNode? node;

    private Deployment(string database, BusOptions bus, ServiceBusTestNode? node, EmbeddedTokenIssuer issuer, IReadOnlyList<HostProcess> hosts, string logFolder)
    {
        this.node = node;
        Database = database;
        Bus = bus;
        this.issuer = issuer;
        Hosts = hosts;
        LogFolder = logFolder;
    }

    public static BusPartner MunicipalityPartner { get; } = new() { Organisation = Organisations.Municipality, Role = PartnerRole.Municipality.WireName() };

    public static BusPartner CounsellorPartner { get; } = new() { Organisation = Organisations.Counsellor, Role = PartnerRole.DebtCounsellor.WireName() };

    /// <summary>The connection string of this test's own database.</summary>
    public string Database { get; }

    public BusOptions Bus { get; }

    public BusAddresses Addresses => new(Bus.Profile, Bus.Prefix);

    public IReadOnlyList<HostProcess> Hosts { get; }

    public string LogFolder { get; }

    public IEnumerable<string> LogFiles => Hosts.SelectMany(host => host.LogFiles);

    public static async Task<Deployment> StartAsync(Servers servers, string test, int hostCount, BusProfile profile = BusProfile.RabbitMq)
    {
        var name = $"{test}{Guid.NewGuid():N}"[..Math.Min(40, test.Length + 32)].ToLowerInvariant();
        var database = new NpgsqlConnectionStringBuilder(servers.PostgresConnection) { Database = name }.ConnectionString;
        var node = profile == BusProfile.ServiceBus ? ServiceBusTestNode.Start() : null;
        var bus = new BusOptions
        {
            Profile = profile,
            Address = node is null ? servers.RabbitMqUri : null,
            ConnectionString = node?.ConnectionString,
            Prefix = $"fouttest{name}",
            Partners = [MunicipalityPartner, CounsellorPartner],
        };
        if (node is null)
        {
            await RabbitMqTopology.ProvisionAsync(bus, CancellationToken.None);
        }
        else
        {
            ServiceBusTopology.Provision(node, bus);
        }

        var keys = new HubKeys(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var environment = new Dictionary<string, string>
        {
            ["Schuldketen__Postgres"] = database,
            ["Schuldketen__DemoData"] = "false",
            ["Schuldketen__Keys__SubjectHash"] = Convert.ToBase64String(keys.SubjectHash),
            ["Schuldketen__Keys__SubjectEncryption"] = Convert.ToBase64String(keys.SubjectEncryption),
            ["Schuldketen__Keys__TokenSigning"] = Convert.ToBase64String(keys.TokenSigning),
            ["Schuldketen__Bus__Profile"] = profile.ToString(),
            [node is null ? "Schuldketen__Bus__Address" : "Schuldketen__Bus__ConnectionString"] = node is null ? servers.RabbitMqUri : node.ConnectionString,
            ["Schuldketen__Bus__Prefix"] = bus.Prefix,
            ["Schuldketen__Webhooks__AllowLoopback"] = "true",
            ["Schuldketen__Webhooks__AllowHttp"] = "true",
            ["Schuldketen__Limits__RequestsPerWindow"] = "1000000",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        for (var index = 0; index < bus.Partners.Count; index++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Schuldketen__Bus__Partners__{index}__");
            environment[prefix + "Organisation"] = bus.Partners[index].Organisation;
            environment[prefix + "Role"] = bus.Partners[index].Role;
        }

        var logFolder = Path.Combine(AppContext.BaseDirectory, "fault-logs", name);
        Directory.CreateDirectory(logFolder);
        var hosts = Enumerable.Range(0, hostCount).Select(index => new HostProcess($"host-{(char)('a' + index)}", environment, logFolder)).ToList();
        var deployment = new Deployment(database, bus, node, new EmbeddedTokenIssuer(keys, new AuthOptions(), TimeProvider.System), hosts, logFolder);
        try
        {
            // The first host creates the database and its schema; the others start on it.
            foreach (var host in hosts)
            {
                await host.StartAsync();
            }
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }

        return deployment;
    }

    /// <summary>The bearer token of the municipality or the debt counsellor, signed once per test.</summary>
    public AuthenticationHeaderValue Token(string organisation) => tokens.GetOrAdd(organisation, oin =>
        new AuthenticationHeaderValue("Bearer", issuer.Issue(oin, oin == Organisations.Municipality ? PartnerRole.Municipality : PartnerRole.DebtCounsellor,
            lifetime: TimeSpan.FromHours(2))));

    /// <summary>Registers a trajectory per BSN as the municipality, over the hosts in turn; the ids in the order of the BSNs.</summary>
    public async Task<string[]> RegisterAsync(IReadOnlyList<string> bsns)
    {
        var clients = Hosts.Select(host => Client(host, Organisations.Municipality)).ToList();
        try
        {
            return await Registrations.RegisterAsync(clients, bsns, parallel: 16);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>A client of <paramref name="host"/> calling as <paramref name="organisation"/>.</summary>
    public HttpClient Client(HostProcess host, string organisation) =>
        new() { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = Token(organisation) } };

    /// <summary>The counterpart of a partner sending on <paramref name="queue"/>.</summary>
    public async Task<IPartnerQueue> PartnerQueueAsync(string queue) =>
        node is null ? await PartnerBus.OpenAsync(Bus.Address!, Addresses.Receive(queue)) : new ServiceBusPartner(node.ConnectionString, queue);

    /// <summary>A partner reading <paramref name="address"/> (as <see cref="Addresses"/> names it) in the background.</summary>
    public IQueueReader ReadQueue(string address) =>
        node is null ? QueueReader.Start(Bus.Address!, address) : ServiceBusQueueReader.Start(node.ConnectionString, address);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        node?.Dispose();
    }
}
