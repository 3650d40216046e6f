using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amqp;
using Amqp.Framing;
using Dapper;
using Schuldketen.Api.Tests.Signals;
using Schuldketen.Contracts;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Signals;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// A connected signal partner's signals on a real RabbitMQ: the CloudEvent nl.schuldketen.vroegsignaal.ontvangen goes
/// through the same checks and storage as POST /api/v1/signals, once per signal id; a refused one is dead-lettered with
/// what to fix and nothing of the resident in the reason.
/// </summary>
public sealed class SignalBusTests
{
    private static readonly BusPartner LandlordOnBus = new() { Organisation = Landlord, Role = "signaalpartner" };
    private static readonly BusPartner MunicipalityOnBus = new() { Organisation = Municipality, Role = "gemeente" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_on_the_bus_is_stored_once_and_opens_its_households_outreach_case(string provider)
    {
        await using var broker = await TestBroker.ProvisionAsync(LandlordOnBus);
        await using var hub = await SignalHub.StartAsync(provider, broker.HubSettings);
        var intake = broker.Addresses.Receive(broker.Addresses.IntakeQueue(LandlordOnBus));

        var first = SignalEvent("huur-2026-001", SignalHub.Signal("huur-2026-001"));
        await broker.SendAsync(intake, Structured(first));
        await broker.SendAsync(intake, Structured(first));
        await broker.SendAsync(intake, Structured(SignalEvent("huur-2026-001", SignalHub.Signal("huur-2026-001"))));
        await broker.SendAsync(intake, Structured(SignalEvent("huur-2026-002", SignalHub.Signal("huur-2026-002", amount: 1200))));

        await Poll.UntilAsync(async () => (await SignalHub.SignalsAsync(hub)).Count(signal => signal.CaseId is not null) == 2,
            "both signals stored and in a case");
        var signals = await SignalHub.SignalsAsync(hub);
        Assert.Equal(2, signals.Count);
        Assert.All(signals, signal =>
        {
            Assert.Equal(Municipality, signal.Municipality);
            Assert.Equal("Huur", signal.PartnerType);
            Assert.Equal(SignalHub.LandlordName, signal.PartnerName);
            Assert.Equal(Landlord, signal.PartnerOin);
            Assert.DoesNotContain("Jansen", signal.PersonalCipher);
        });
        Assert.Single(signals.Select(signal => signal.CaseId).Distinct());
        Assert.Equal(1, await SignalHub.CountAsync(hub, "outreach_cases"));
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM history WHERE trajectory_id = @case AND event_type = @type", new { @case = signals[0].CaseId, type = EventTypes.SignalJoined }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_signal_is_dead_lettered_with_what_to_fix_and_no_personal_data_while_the_rest_flows(string provider)
    {
        await using var broker = await TestBroker.ProvisionAsync(LandlordOnBus, MunicipalityOnBus);
        await using var hub = await SignalHub.StartAsync(provider, broker.HubSettings);
        var landlordQueue = broker.Addresses.IntakeQueue(LandlordOnBus);
        var municipalityQueue = broker.Addresses.IntakeQueue(MunicipalityOnBus);

        var noSurname = SignalHub.Signal("huur-kapot-1", surname: "");
        var negative = SignalHub.Signal("huur-kapot-2", amount: -5);
        await broker.SendAsync(broker.Addresses.Receive(landlordQueue), Structured(SignalEvent("huur-kapot-1", noSurname), "zonder-naam"));
        await broker.SendAsync(broker.Addresses.Receive(landlordQueue), Structured(SignalEvent("huur-kapot-2", negative), "negatief"));
        await broker.SendAsync(broker.Addresses.Receive(landlordQueue), Structured(SignalEvent("ander-id", SignalHub.Signal("huur-kapot-3")), "ander-onderwerp"));
        await broker.SendAsync(broker.Addresses.Receive(landlordQueue), Structured(SignalEvent("huur-goed", SignalHub.Signal("huur-goed"))));
        await broker.SendAsync(broker.Addresses.Receive(municipalityQueue),
            Structured(SignalEvent("gemeente-1", SignalHub.Signal("gemeente-1"), Municipality), "van-gemeente"));

        var deadLetters = await broker.ReadUntilAsync(broker.Addresses.DeadLetters(landlordQueue), messages => messages.Count >= 3);
        var reasons = deadLetters.ToDictionary(message => message.Properties.MessageId, message => (string)message.ApplicationProperties[DeadLetterProperties.Reason]);
        var descriptions = deadLetters.ToDictionary(message => message.Properties.MessageId, message => (string)message.ApplicationProperties[DeadLetterProperties.Description]);
        Assert.Equal("signaal-ongeldig", reasons["zonder-naam"]);
        Assert.Contains("client.Achternaam", descriptions["zonder-naam"]);
        Assert.Equal("signaal-ongeldig", reasons["negatief"]);
        Assert.Contains("bedrag", descriptions["negatief"]);
        Assert.Equal("onderwerp-signaal", reasons["ander-onderwerp"]);
        Assert.All(descriptions.Values, description =>
        {
            Assert.DoesNotContain("Kerkstraat", description);
            Assert.DoesNotContain("06-12345678", description);
            Assert.DoesNotContain("3511", description);
            Assert.DoesNotContain("-5", description);
        });

        var fromMunicipality = Assert.Single(await broker.ReadUntilAsync(broker.Addresses.DeadLetters(municipalityQueue), messages => messages.Count >= 1));
        Assert.Equal("geen-signaalpartner", fromMunicipality.ApplicationProperties[DeadLetterProperties.Reason]);

        await Poll.UntilAsync(async () => (await SignalHub.SignalsAsync(hub)).Any(signal => signal.CaseId is not null), "the valid signal stored and in a case");
        Assert.Single(await SignalHub.SignalsAsync(hub));
    }

    private static JsonObject SignalEvent(string subject, Dictionary<string, object?> signal, string sender = Landlord) =>
        PartnerEvents.Structured(sender, SignalBusIntake.EventType, subject, JsonSerializer.SerializeToNode(signal)!.AsObject());

    private static Message Structured(JsonObject cloudEvent, string? messageId = null) => new()
    {
        Properties = new Properties { MessageId = messageId ?? cloudEvent["id"]!.GetValue<string>(), ContentType = "application/cloudevents+json" },
        BodySection = new Data { Binary = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString()) },
    };
}
