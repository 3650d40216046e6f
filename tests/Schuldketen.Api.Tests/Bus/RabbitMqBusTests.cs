using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amqp;
using Amqp.Framing;
using Schuldketen.Contracts;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Storage;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The bus on a real RabbitMQ with its AMQP 1.0 plugin: what the hub publishes per partner and audience,
/// partner events that come in on the bus, and messages that can never be applied.
/// </summary>
public sealed class RabbitMqBusTests
{
    private static readonly string HubSource = $"urn:nld:oin:{new StoreOptions().HubOin}:systeem:schuldketen";

    private static readonly BusPartner MunicipalityOnBus = new() { Organisation = Municipality, Role = "gemeente" };
    private static readonly BusPartner LandlordOnBus = new() { Organisation = Landlord, Role = "schuldeiser" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_partner_queue_receives_its_audience_projection_as_a_binary_mode_cloudevent(string provider)
    {
        await using var broker = await TestBroker.ProvisionAsync(MunicipalityOnBus, LandlordOnBus);
        await using var hub = await HubServer.StartAsync(provider, broker.HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        var id = await PartnerApi.RegisterAsync(municipality, "111222333");
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.ParticipantLinked, id, new JsonObject { ["organisation"] = Landlord, ["role"] = "schuldeiser" });
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());

        // A creditor hears that its debtor receives debt help from the moment it is linked, not each step.
        var message = Assert.Single(await broker.ReadUntilAsync(broker.Addresses.PartnerSubscription(Landlord), messages => messages.Count >= 1));
        Assert.Equal(EventTypes.StatusChanged, message.ApplicationProperties["cloudEvents_type"]);
        Assert.Equal(2L, long.Parse((string)message.ApplicationProperties["cloudEvents_sequence"]));
        {
            Assert.Equal(message.ApplicationProperties["cloudEvents_id"], message.Properties.MessageId);
            Assert.Equal(HubSource, message.ApplicationProperties["cloudEvents_source"]);
            Assert.Equal("1.0", message.ApplicationProperties["cloudEvents_specversion"]);
            Assert.Equal(id, message.ApplicationProperties["cloudEvents_subject"]);
            Assert.IsType<DateTime>(message.ApplicationProperties["cloudEvents_time"]);
            Assert.Equal("application/json", message.Properties.ContentType.ToString());
            Assert.Equal("schuldeiser", message.ApplicationProperties[BusAddresses.AudienceProperty]);
            Assert.True(message.Header.Durable);

            // A creditor learns that the resident receives debt help, never the phase, amounts or the BSN.
            var data = JsonDocument.Parse((byte[])message.Body).RootElement;
            Assert.Equal("schuldeiser", data.GetProperty("audience").GetString());
            Assert.False(data.TryGetProperty("phase", out _));
            Assert.DoesNotContain("111222333", Encoding.UTF8.GetString((byte[])message.Body));
        }

        var caseHandler = await broker.ReadUntilAsync(broker.Addresses.PartnerSubscription(Municipality), messages => messages.Count >= 3);
        Assert.Equal(
            [EventTypes.Registered, EventTypes.ParticipantLinked, EventTypes.CrisisCheckCompleted],
            caseHandler.Select(message => (string)message.ApplicationProperties["cloudEvents_type"]).ToArray());
        Assert.All(caseHandler, message => Assert.Equal("behandelaar", message.ApplicationProperties[BusAddresses.AudienceProperty]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_on_the_bus_is_applied_once_like_one_over_http_in_binary_and_structured_mode(string provider)
    {
        await using var broker = await TestBroker.ProvisionAsync(MunicipalityOnBus);
        await using var hub = await HubServer.StartAsync(provider, broker.HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var binary = await PartnerApi.RegisterAsync(municipality, "111222333");
        var structured = await PartnerApi.RegisterAsync(municipality, "123456782");
        var intake = broker.Addresses.Receive(broker.Addresses.IntakeQueue(MunicipalityOnBus));

        var crisisCheck = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, binary, PartnerApi.NoCrisis());
        await broker.SendAsync(intake, Binary(crisisCheck));
        await broker.SendAsync(intake, Binary(crisisCheck));
        await broker.SendAsync(intake, Structured(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, structured, PartnerApi.NoCrisis())));

        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, binary) == "eerste-gesprek"
                                          && await PartnerApi.PhaseAsync(municipality, structured) == "eerste-gesprek",
            "the binary and the structured crisis check applied");
        Assert.Equal(2, await PartnerApi.HistoryLengthAsync(municipality, binary));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Messages_that_can_never_be_applied_are_dead_lettered_with_their_reason_while_the_rest_flows(string provider)
    {
        await using var broker = await TestBroker.ProvisionAsync(MunicipalityOnBus);
        await using var hub = await HubServer.StartAsync(provider, broker.HubSettings);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var before = await PartnerApi.RegisterAsync(municipality, "111222333");
        var after = await PartnerApi.RegisterAsync(municipality, "123456782");
        var queue = broker.Addresses.IntakeQueue(MunicipalityOnBus);
        var intake = broker.Addresses.Receive(queue);

        await broker.SendAsync(intake, Binary(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, before, PartnerApi.NoCrisis())));
        await broker.SendAsync(intake, new Message { Properties = new Properties { MessageId = "niet-json", ContentType = "application/cloudevents+json" }, BodySection = new Data { Binary = "{niet json"u8.ToArray() } });
        await broker.SendAsync(intake, Binary(PartnerEvents.Structured(Landlord, EventTypes.CrisisCheckCompleted, after, PartnerApi.NoCrisis()), "andere-bron"));
        await broker.SendAsync(intake, Binary(PartnerEvents.Structured(Municipality, EventTypes.FirstConversationHeld, after, PartnerApi.Conversation()), "te-vroeg"));
        await broker.SendAsync(intake, Binary(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, after, PartnerApi.NoCrisis())));

        var deadLetters = await broker.ReadUntilAsync(broker.Addresses.DeadLetters(queue), messages => messages.Count >= 3);
        var reasons = deadLetters.ToDictionary(message => message.Properties.MessageId, message => (string)message.ApplicationProperties[DeadLetterProperties.Reason]);
        Assert.Equal("json-syntax", reasons["niet-json"]);
        Assert.Equal("afzender-bron", reasons["andere-bron"]);
        Assert.Equal("niet-toegestaan-in-fase", reasons["te-vroeg"]);
        Assert.All(deadLetters, message =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string)message.ApplicationProperties[DeadLetterProperties.Description]));
            Assert.Equal(queue, message.ApplicationProperties[DeadLetterProperties.Queue]);
        });

        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, before) == "eerste-gesprek"
                                          && await PartnerApi.PhaseAsync(municipality, after) == "eerste-gesprek",
            "the valid crisis checks around the dead letters applied");
    }

    private static Message Binary(JsonObject cloudEvent, string? messageId = null)
    {
        var properties = new ApplicationProperties();
        foreach (var (name, value) in cloudEvent)
        {
            if (name is not ("data" or "datacontenttype"))
            {
                properties["cloudEvents_" + name] = value!.GetValue<string>();
            }
        }

        return new Message
        {
            Properties = new Properties { MessageId = messageId ?? cloudEvent["id"]!.GetValue<string>(), ContentType = "application/json" },
            ApplicationProperties = properties,
            BodySection = new Data { Binary = Encoding.UTF8.GetBytes(cloudEvent["data"]!.ToJsonString()) },
        };
    }

    private static Message Structured(JsonObject cloudEvent) => new()
    {
        Properties = new Properties { MessageId = cloudEvent["id"]!.GetValue<string>(), ContentType = "application/cloudevents+json" },
        BodySection = new Data { Binary = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString()) },
    };
}
