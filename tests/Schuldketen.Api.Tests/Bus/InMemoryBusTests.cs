using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The embedded default's in-process bus: the same relay and bus trigger as on a broker, so what it
/// shows about settlement (applied, abandoned, dead-lettered after the maximum attempts) holds for both.
/// </summary>
public sealed class InMemoryBusTests
{
    private static readonly BusPartner MunicipalityOnBus = new() { Organisation = Municipality, Role = "gemeente" };

    private static readonly Dictionary<string, string?> OnePartner = new()
    {
        ["Schuldketen:Bus:MaxDeliveryCount"] = "2",
        ["Schuldketen:Bus:Partners:0:Organisation"] = MunicipalityOnBus.Organisation,
        ["Schuldketen:Bus:Partners:0:Role"] = MunicipalityOnBus.Role,
    };

    [Fact]
    public async Task The_embedded_bus_applies_what_a_partner_puts_on_its_queue_and_publishes_the_result()
    {
        await using var hub = await HubServer.StartAsync(Sqlite, OnePartner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality, "111222333");
        var bus = (InMemoryBus)hub.Service<IBusTransport>();

        await bus.SendAsync(IntakeQueue(hub), Structured(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis())));

        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, id) == "eerste-gesprek", "the crisis check from the queue applied");
        var published = new List<AmqpCloudEvent>();
        await Poll.UntilAsync(() =>
        {
            while (bus.Published(Municipality).TryRead(out var message))
            {
                published.Add(message);
            }

            return published.Count >= 2;
        }, "both events published for the municipality", state: () => $"{published.Count} so far");
        Assert.Equal(
            [EventTypes.Registered, EventTypes.CrisisCheckCompleted],
            published.Select(message => (string)message.Properties["cloudEvents_type"]).ToArray());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_abandoned_then_dead_lettered_with_the_error_after_the_maximum_attempts()
    {
        await using var hub = await HubServer.StartAsync(PostgreSql, OnePartner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var first = await PartnerApi.RegisterAsync(municipality, "111222333");
        var second = await PartnerApi.RegisterAsync(municipality, "123456782");
        var bus = (InMemoryBus)hub.Service<IBusTransport>();
        var queue = IntakeQueue(hub);
        await using var database = new NpgsqlConnection(hub.Database.ConnectionString);

        // A broken database: every attempt to apply fails, as long as the inbox is away.
        await database.ExecuteAsync("ALTER TABLE inbox RENAME TO inbox_weg");
        await bus.SendAsync(queue, Structured(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, first, PartnerApi.NoCrisis())));
        await Poll.UntilAsync(() => bus.DeadLetters(queue).Count == 1, "the failing message dead-lettered");
        await database.ExecuteAsync("ALTER TABLE inbox_weg RENAME TO inbox");

        var (_, reason) = Assert.Single(bus.DeadLetters(queue));
        Assert.Equal("verwerking-mislukt", reason.Reason);
        Assert.Equal(2, reason.Attempts);
        Assert.Contains("inbox", reason.Description);
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, first));

        await bus.SendAsync(queue, Structured(PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, second, PartnerApi.NoCrisis())));
        await Poll.UntilAsync(async () => await PartnerApi.PhaseAsync(municipality, second) == "eerste-gesprek", "the next message applied once the database is whole");
    }

    private static string IntakeQueue(HubServer hub) =>
        new BusAddresses(BusProfile.InMemory, hub.Service<IOptions<BusOptions>>().Value.Prefix).IntakeQueue(MunicipalityOnBus);

    private static AmqpCloudEvent Structured(JsonObject cloudEvent) =>
        new(cloudEvent["id"]!.GetValue<string>(), CloudEventEnvelope.MediaType, new Dictionary<string, object>(), Encoding.UTF8.GetBytes(cloudEvent.ToJsonString()));
}
