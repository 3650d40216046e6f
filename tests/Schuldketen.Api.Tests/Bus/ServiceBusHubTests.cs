using System.Text;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Dapper;
using Npgsql;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Testing.ServiceBus;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The hub on the Service Bus profile (Azure.Messaging.ServiceBus, a processor per intake queue) over AMQP to the
/// Service Bus test node: a partner's event from its queue is applied and published, and a message that keeps failing is
/// abandoned and then dead-lettered with the error.
/// </summary>
public sealed class ServiceBusHubTests : IAsyncDisposable
{
    private static readonly BusPartner MunicipalityOnBus = new() { Organisation = Municipality, Role = "gemeente" };

    private readonly ServiceBusTestNode node = ServiceBusTestNode.Start();
    private readonly BusOptions bus;
    private readonly ServiceBusClient partner;

    public ServiceBusHubTests()
    {
        bus = new BusOptions
        {
            Profile = BusProfile.ServiceBus,
            ConnectionString = node.ConnectionString,
            Prefix = $"test{Guid.NewGuid():N}",
            MaxDeliveryCount = 2,
            Partners = [MunicipalityOnBus],
        };
        ServiceBusTopology.Provision(node, bus);
        partner = new ServiceBusClient(node.ConnectionString);
    }

    private Dictionary<string, string?> HubSettings => new()
    {
        ["Schuldketen:Bus:Profile"] = nameof(BusProfile.ServiceBus),
        ["Schuldketen:Bus:ConnectionString"] = bus.ConnectionString,
        ["Schuldketen:Bus:Prefix"] = bus.Prefix,
        ["Schuldketen:Bus:MaxDeliveryCount"] = "2",
        ["Schuldketen:Bus:Partners:0:Organisation"] = MunicipalityOnBus.Organisation,
        ["Schuldketen:Bus:Partners:0:Role"] = MunicipalityOnBus.Role,
    };

    private BusAddresses Addresses => new(BusProfile.ServiceBus, bus.Prefix);

    private string IntakeQueue => Addresses.IntakeQueue(MunicipalityOnBus);

    public async ValueTask DisposeAsync()
    {
        await partner.DisposeAsync();
        node.Dispose();
    }

    [Fact]
    public async Task The_processor_applies_what_a_partner_puts_on_its_queue_and_the_sender_publishes_the_result_to_its_subscription()
    {
        await using var hub = await HubServer.StartAsync(Sqlite, HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality, "111222333");

        await SendAsync(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()));

        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, id) == "eerste-gesprek", "the crisis check from the queue applied");
        var published = await ReadAsync(Addresses.PartnerSubscription(Municipality), 2);
        Assert.Equal([EventTypes.Registered, EventTypes.CrisisCheckCompleted], published.Select(message => (string)message.ApplicationProperties["cloudEvents_type"]).ToArray());
        Assert.All(published, message => Assert.Equal(Municipality, message.ApplicationProperties[BusAddresses.RecipientProperty]));
    }

    [Fact]
    public async Task A_binary_mode_event_with_a_timestamp_attribute_sent_twice_is_applied_once()
    {
        await using var hub = await HubServer.StartAsync(Sqlite, HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality, "111222333");
        var crisisCheck = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());

        await SendBinaryAsync(crisisCheck);
        await SendBinaryAsync(crisisCheck);

        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, id) == "eerste-gesprek", "the binary crisis check applied");
        Assert.Equal(2, await PartnerApi.HistoryLengthAsync(municipality, id));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_abandoned_then_dead_lettered_with_the_error_at_the_maximum_delivery_count()
    {
        await using var hub = await HubServer.StartAsync(PostgreSql, HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var first = await PartnerApi.RegisterAsync(municipality, "111222333");
        var second = await PartnerApi.RegisterAsync(municipality, "123456782");
        await using var database = new NpgsqlConnection(hub.Database.ConnectionString);

        // A broken database: every attempt to apply fails, as long as the inbox is away.
        await database.ExecuteAsync("ALTER TABLE inbox RENAME TO inbox_weg");
        await SendAsync(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, first, PartnerApi.NoCrisis()));
        var letter = Assert.Single(await ReadAsync(Addresses.DeadLetters(IntakeQueue), 1));
        await database.ExecuteAsync("ALTER TABLE inbox_weg RENAME TO inbox");

        Assert.Equal("verwerking-mislukt", letter.DeadLetterReason);
        Assert.Contains("failed 2 times", letter.DeadLetterErrorDescription);
        Assert.Contains("inbox", letter.DeadLetterErrorDescription);
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, first));

        await SendAsync(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, second, PartnerApi.NoCrisis()));
        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, second) == "eerste-gesprek", "the next message applied once the database is whole");
    }

    /// <summary>A structured-mode CloudEvent on the municipality's intake queue, as the partner sends it.</summary>
    private async Task SendAsync(JsonObject cloudEvent)
    {
        await using var sender = partner.CreateSender(IntakeQueue);
        await sender.SendMessageAsync(ServiceBusTopology.PartnerMessage(new AmqpCloudEvent(
            cloudEvent["id"]!.GetValue<string>(), CloudEventEnvelope.MediaType, new Dictionary<string, object>(), Encoding.UTF8.GetBytes(cloudEvent.ToJsonString()))));
    }

    /// <summary>
    /// A binary-mode CloudEvent as a partner sends it on Service Bus: the attributes as <c>cloudEvents_*</c> application
    /// properties (<c>time</c> an AMQP timestamp), the data as the body.
    /// </summary>
    private async Task SendBinaryAsync(JsonObject cloudEvent)
    {
        var message = new ServiceBusMessage(Encoding.UTF8.GetBytes(cloudEvent["data"]!.ToJsonString()))
        {
            MessageId = cloudEvent["id"]!.GetValue<string>(),
            ContentType = "application/json",
        };
        foreach (var (name, value) in cloudEvent)
        {
            if (name is not ("data" or "datacontenttype"))
            {
                message.ApplicationProperties["cloudEvents_" + name] = name == "time"
                    ? DateTimeOffset.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime
                    : value!.GetValue<string>();
            }
        }

        await using var sender = partner.CreateSender(IntakeQueue);
        await sender.SendMessageAsync(message);
    }

    /// <summary>Receives and completes from <paramref name="entity"/> until <paramref name="count"/> came; fails when they do not.</summary>
    private async Task<IReadOnlyList<ServiceBusReceivedMessage>> ReadAsync(string entity, int count)
    {
        await using var receiver = partner.CreateReceiver(entity);
        var messages = new List<ServiceBusReceivedMessage>();
        await Poll.UntilAsync(async () =>
        {
            foreach (var message in await receiver.ReceiveMessagesAsync(count - messages.Count, TimeSpan.FromMilliseconds(500)))
            {
                await receiver.CompleteMessageAsync(message);
                messages.Add(message);
            }

            return messages.Count >= count;
        }, $"{count} message(s) on {entity}", state: () => $"{messages.Count} came");
        return messages;
    }
}
