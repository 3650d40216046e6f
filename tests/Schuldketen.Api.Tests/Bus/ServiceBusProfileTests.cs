using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>The Service Bus profile cannot be exercised against Azure here; its token and addresses are checked against values worked out by hand.</summary>
public sealed class ServiceBusProfileTests
{
    [Fact]
    public void The_SAS_token_matches_one_computed_independently()
    {
        // Computed with Python's hmac and urllib.parse.quote_plus for the same inputs.
        const string expected =
            "SharedAccessSignature sr=http%3A%2F%2Fvoorbeeld.servicebus.windows.net%2Fschuldketen.uit" +
            "&sig=eeEjdo0mtMtYziKVvXp%2FBLk4GBVZ5hOz1QHKE4IJBTI%3D&se=1767225600&skn=schuldketen-hub";

        var token = ServiceBusSas.Token(
            ServiceBusSas.ResourceUri("voorbeeld.servicebus.windows.net", "schuldketen.uit"),
            "schuldketen-hub",
            "dGVzdHNsZXV0ZWwtdm9vci1zY2h1bGRrZXRlbg==",
            DateTimeOffset.FromUnixTimeSeconds(1767225600));

        Assert.Equal(expected, token);
    }

    [Fact]
    public void The_token_changes_with_the_key_and_the_expiry()
    {
        var resource = ServiceBusSas.ResourceUri("voorbeeld.servicebus.windows.net", "schuldketen.uit");
        var at = DateTimeOffset.FromUnixTimeSeconds(1767225600);

        Assert.NotEqual(ServiceBusSas.Token(resource, "hub", "key-one", at), ServiceBusSas.Token(resource, "hub", "key-two", at));
        Assert.NotEqual(ServiceBusSas.Token(resource, "hub", "key-one", at), ServiceBusSas.Token(resource, "hub", "key-one", at.AddSeconds(1)));
    }

    [Fact]
    public void Service_Bus_addresses_are_entity_paths_with_subscriptions_and_the_dead_letter_sub_queue()
    {
        var addresses = new BusAddresses(BusProfile.ServiceBus, "schuldketen");
        var queue = addresses.IntakeQueue(new BusPartner { Organisation = "00000001005555555000", Role = "schuldeiser" });

        Assert.Equal("schuldketen.in.schuldeiser.00000001005555555000", queue);
        Assert.Equal("schuldketen.uit", addresses.Publish("schuldeiser", "00000001005555555000"));
        Assert.Equal(queue, addresses.Receive(queue));
        Assert.Equal("schuldketen.uit/Subscriptions/00000001005555555000", addresses.PartnerSubscription("00000001005555555000"));
        Assert.Equal(queue + "/$deadletterqueue", addresses.DeadLetters(queue));
    }

    [Fact]
    public void RabbitMQ_addresses_route_by_audience_and_recipient_and_read_declared_queues_only()
    {
        var addresses = new BusAddresses(BusProfile.RabbitMq, "schuldketen");
        var queue = addresses.IntakeQueue(new BusPartner { Organisation = "00000001005555555000", Role = "schuldeiser" });

        Assert.Equal("/exchange/schuldketen.uit/schuldeiser.00000001005555555000", addresses.Publish("schuldeiser", "00000001005555555000"));
        Assert.Equal("/amq/queue/" + queue, addresses.Receive(queue));
        Assert.Equal("/amq/queue/schuldketen.uit.00000001005555555000", addresses.PartnerSubscription("00000001005555555000"));
        Assert.Equal("/exchange/schuldketen.dood/" + queue, addresses.DeadLetterRoute(queue));
        Assert.Equal("/amq/queue/" + queue + ".dlq", addresses.DeadLetters(queue));
    }
}
