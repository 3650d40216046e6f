using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>The names each profile gives the topic, the queues, the subscriptions and the dead letters, checked against values worked out by hand.</summary>
public sealed class ServiceBusProfileTests
{
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
