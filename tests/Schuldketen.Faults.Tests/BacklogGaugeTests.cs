using Schuldketen.Contracts;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Faults.Tests;

/// <summary>Issue 17: the bus's outbox backlog, as an operator's metrics show it, while RabbitMQ is out and after.</summary>
[Collection(ServersCollection.Name)]
public sealed class BacklogGaugeTests(Servers servers)
{
    private const string Backlog = "schuldketen.outbox.backlog";

    [Fact]
    public async Task The_bus_backlog_gauge_rises_while_RabbitMQ_is_stopped_and_returns_to_0_after_it_is_back()
    {
        var bus = new BusOptions
        {
            Profile = BusProfile.RabbitMq,
            Address = servers.RabbitMqUri,
            Prefix = $"meter{Guid.NewGuid():N}",
            Partners = [Deployment.CounsellorPartner],
        };
        await RabbitMqTopology.ProvisionAsync(bus, CancellationToken.None);
        var exported = new ExportedTelemetry();
        await using var hub = await HubServer.StartAsync(new HubStart(TestDatabase.PostgreSql)
        {
            PostgresServer = servers.PostgresConnection,

            // The bus's reconnection waits on the hub's clock.
            SystemClock = true,
            Settings = new Dictionary<string, string?>
            {
                ["Schuldketen:Bus:Profile"] = "RabbitMq",
                ["Schuldketen:Bus:Address"] = bus.Address,
                ["Schuldketen:Bus:Prefix"] = bus.Prefix,
                ["Schuldketen:Bus:Partners:0:Organisation"] = Deployment.CounsellorPartner.Organisation,
                ["Schuldketen:Bus:Partners:0:Role"] = Deployment.CounsellorPartner.Role,
            },
            Telemetry = exported,
        });
        using var municipality = hub.Client(Organisations.Municipality, PartnerRole.Municipality, "medewerker-1");
        var bsns = Residents.Bsns(31_000_000).Take(6).ToList();
        double? BusBacklog() => exported.GaugeNow(hub, Backlog, HubTelemetry.Tags.Channel, HubTelemetry.Channels.Bus);

        await Registrations.RegisterAsync([municipality], bsns[..1], parallel: 1);
        await Poll.UntilAsync(() => BusBacklog() == 0, "the bus backlog at 0 while RabbitMQ runs", state: () => $"backlog {BusBacklog()}");

        await servers.StopRabbitMqAsync();
        try
        {
            await Registrations.RegisterAsync([municipality], bsns[1..], parallel: 5);
            await Poll.UntilAsync(() => BusBacklog() >= bsns.Count - 1, "the bus backlog to rise to the events registered while RabbitMQ is stopped",
                state: () => $"backlog {BusBacklog()}");
            await Poll.UntilAsync(() => exported.GaugeNow(hub, "schuldketen.outbox.oldest_age", HubTelemetry.Tags.Channel, HubTelemetry.Channels.Bus) >= 2,
                "the oldest waiting event's age to show the seconds it has waited");
        }
        finally
        {
            await servers.ResumeRabbitMqAsync();
        }

        await Poll.UntilAsync(() => BusBacklog() == 0, "the bus backlog back at 0 after RabbitMQ returned", TimeSpan.FromMinutes(2),
            () => $"backlog {BusBacklog()}");
        Assert.Equal(0, exported.GaugeNow(hub, Backlog, HubTelemetry.Tags.Channel, HubTelemetry.Channels.Webhook));
    }
}
