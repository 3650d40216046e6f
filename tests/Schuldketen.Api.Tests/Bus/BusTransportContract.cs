using System.Text;
using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// What every bus transport must do, as the outbox relay and the bus trigger count on it: publish to each
/// recipient in order; deliver what a partner queued in order; complete, abandon and dead-letter as the Azure
/// Functions Service Bus trigger settles; and count deliveries, so that a message failing at every attempt can
/// be dead-lettered at the maximum. Each transport's class derives from this one and says how a partner reaches
/// its broker; every test starts on a topology of its own.
/// </summary>
public abstract class BusTransportContract : IAsyncLifetime
{
    protected const int MaxDeliveryCount = 3;

    private const string HubSource = "urn:nld:oin:00000001000000001000:systeem:schuldketen";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);
    private static readonly BusPartner Landlord = new() { Organisation = Organisations.Landlord, Role = PartnerRole.Creditor.WireName() };
    private static readonly BusPartner Court = new() { Organisation = Organisations.Court, Role = PartnerRole.Court.WireName() };

    private IBusTransport? transport;

    protected BusOptions Options { get; private set; } = null!;

    private IBusTransport Transport => transport ?? throw new InvalidOperationException("The transport is not open.");

    private string Queue => new BusAddresses(Options.Profile, Options.Prefix).IntakeQueue(Landlord);

    public async Task InitializeAsync()
    {
        Options = new BusOptions
        {
            Profile = Profile,
            Prefix = $"contract{Guid.NewGuid():N}",
            MaxDeliveryCount = MaxDeliveryCount,
            Partners = [Landlord, Court],
        };
        Locate(Options);
        transport = await OpenAsync(Options);
    }

    public virtual async Task DisposeAsync()
    {
        if (transport is not null)
        {
            await transport.DisposeAsync();
        }
    }

    [Fact]
    public async Task What_is_published_reaches_each_recipient_alone_and_in_the_order_it_was_published()
    {
        var published = Enumerable.Range(1, 6).Select(number => (Recipient: number % 2 == 0 ? Court : Landlord, Event: Event(number))).ToList();

        foreach (var (recipient, cloudEvent) in published)
        {
            await Transport.PublishAsync(new BusMessage(recipient.Organisation, recipient.Role, cloudEvent), CancellationToken.None);
        }

        foreach (var recipient in new[] { Landlord, Court })
        {
            var expected = published.Where(item => item.Recipient == recipient).Select(item => AmqpCloudEvent.From(item.Event)).ToList();
            var heard = await ReadPublishedAsync(recipient.Organisation, expected.Count);
            Assert.Equal(expected.Select(Describe), heard.Select(Describe));
        }
    }

    [Fact]
    public async Task What_a_partner_queues_is_received_in_order_whole_and_as_a_first_delivery()
    {
        var sent = Enumerable.Range(1, 5).Select(number => AmqpCloudEvent.From(Event(number))).ToList();
        foreach (var message in sent)
        {
            await SendAsync(Queue, message);
        }

        await using var queue = Transport.OpenQueue(Queue);
        var received = await ReceiveAsync(queue, sent.Count);

        Assert.Equal(sent.Select(Describe), received.Select(message => Describe(message.Message)));
        Assert.All(received, message => Assert.Equal(1, message.DeliveryCount));
        foreach (var message in received)
        {
            await message.Settlement.CompleteAsync();
        }
    }

    [Fact]
    public async Task A_completed_message_is_not_delivered_again_even_to_a_new_receiver()
    {
        var first = AmqpCloudEvent.From(Event(1));
        var next = AmqpCloudEvent.From(Event(2));
        await SendAsync(Queue, first);
        await using (var queue = Transport.OpenQueue(Queue))
        {
            await Assert.Single(await ReceiveAsync(queue, 1)).Settlement.CompleteAsync();
        }

        await SendAsync(Queue, next);

        await using var again = Transport.OpenQueue(Queue);
        Assert.Equal(next.MessageId, Assert.Single(await ReceiveAsync(again, 1)).Message.MessageId);
    }

    [Fact]
    public async Task An_abandoned_message_is_delivered_again_whole_with_its_delivery_count_raised()
    {
        var sent = AmqpCloudEvent.From(Event(1));
        await SendAsync(Queue, sent);
        await using var queue = Transport.OpenQueue(Queue);

        var first = Assert.Single(await ReceiveAsync(queue, 1));
        await first.Settlement.AbandonAsync();
        var second = Assert.Single(await ReceiveAsync(queue, 1));

        Assert.Equal(Describe(sent), Describe(second.Message));
        Assert.Equal([1, 2], [first.DeliveryCount, second.DeliveryCount]);
        await second.Settlement.CompleteAsync();
    }

    [Fact]
    public async Task A_dead_lettered_message_lands_with_its_reason_and_description_where_dead_letters_are_read_and_the_next_one_flows()
    {
        var broken = AmqpCloudEvent.From(Event(1));
        var next = AmqpCloudEvent.From(Event(2));
        await SendAsync(Queue, broken);
        await SendAsync(Queue, next);
        await using var queue = Transport.OpenQueue(Queue);

        var received = Assert.Single(await ReceiveAsync(queue, 1));
        await received.Settlement.DeadLetterAsync(new DeadLetterReason("json-syntax", "The body is not valid JSON (line 1, position 2).", received.DeliveryCount, Queue));
        var after = Assert.Single(await ReceiveAsync(queue, 1));
        await after.Settlement.CompleteAsync();

        Assert.Equal(broken.MessageId, received.Message.MessageId);
        Assert.Equal(next.MessageId, after.Message.MessageId);
        Assert.Equal(new DeadLetter(broken.MessageId, "json-syntax", "The body is not valid JSON (line 1, position 2).", Encoding.UTF8.GetString(broken.Body)),
            Assert.Single(await ReadDeadLettersAsync(Queue, 1)));
    }

    [Fact]
    public async Task A_message_that_fails_at_every_delivery_is_dead_lettered_at_the_maximum_delivery_count_and_delivered_no_more()
    {
        var failing = AmqpCloudEvent.From(Event(1));
        var next = AmqpCloudEvent.From(Event(2));
        await SendAsync(Queue, failing);
        await using var queue = Transport.OpenQueue(Queue);

        // As the bus trigger settles a message whose processing throws: abandon, and dead-letter once the count reaches the maximum.
        var counts = new List<int>();
        while (counts.Count <= MaxDeliveryCount)
        {
            var received = Assert.Single(await ReceiveAsync(queue, 1));
            counts.Add(received.DeliveryCount);
            if (received.DeliveryCount >= MaxDeliveryCount)
            {
                await received.Settlement.DeadLetterAsync(new DeadLetterReason("verwerking-mislukt", "Processing failed 3 times.", received.DeliveryCount, Queue));
                break;
            }

            await received.Settlement.AbandonAsync();
        }

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal(new DeadLetter(failing.MessageId, "verwerking-mislukt", "Processing failed 3 times.", Encoding.UTF8.GetString(failing.Body)),
            Assert.Single(await ReadDeadLettersAsync(Queue, 1)));
        await SendAsync(Queue, next);
        Assert.Equal(next.MessageId, Assert.Single(await ReceiveAsync(queue, 1)).Message.MessageId);
    }

    protected abstract BusProfile Profile { get; }

    /// <summary>Sets where the hub reaches the broker (nothing for one in the process); fails the test when it is not known.</summary>
    protected abstract void Locate(BusOptions options);

    /// <summary>Prepares the broker for <paramref name="options"/> (empty queues of their own) and opens the hub's transport on it.</summary>
    protected abstract Task<IBusTransport> OpenAsync(BusOptions options);

    /// <summary>A partner puts <paramref name="message"/> on <paramref name="queue"/>, as it sends an event to the hub.</summary>
    protected abstract Task SendAsync(string queue, AmqpCloudEvent message);

    /// <summary>What the hub published for <paramref name="organisation"/>, read as that partner reads it, once <paramref name="count"/> came or the time is up.</summary>
    protected abstract Task<IReadOnlyList<AmqpCloudEvent>> ReadPublishedAsync(string organisation, int count);

    /// <summary>The dead letters of <paramref name="queue"/>, read where an operator reads them, once <paramref name="count"/> came or the time is up.</summary>
    protected abstract Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string queue, int count);

    /// <summary>Receives until <paramref name="count"/> messages came; fails when they do not.</summary>
    private static async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(IBusQueue queue, int count)
    {
        var received = new List<ReceivedMessage>();
        await Poll.UntilAsync(async () =>
        {
            received.AddRange(await queue.ReceiveAsync(count - received.Count, Wait, CancellationToken.None));
            return received.Count >= count;
        }, $"{count} message(s) from the queue", state: () => $"{received.Count} came");
        return received;
    }

    /// <summary>An event of the hub's with the sequence <paramref name="number"/>, about a trajectory of its own.</summary>
    private static CloudEventEnvelope Event(int number) => CloudEventEnvelope.Outgoing(
        $"trj-{number}-{number}-schuldeiser", HubSource, EventTypes.StatusChanged, $"trj-{number}", HubServer.ClockStart.AddMinutes(number),
        JsonSerializer.SerializeToElement(new { audience = "schuldeiser", id = $"trj-{number}", receivesDebtHelp = true, closed = false }), number);

    /// <summary>What a message says, to compare: its id, its CloudEvent type, subject and sequence, and its body.</summary>
    private static string Describe(AmqpCloudEvent message) =>
        $"{message.MessageId} {message.Properties.GetValueOrDefault("cloudEvents_type")} {message.Properties.GetValueOrDefault("cloudEvents_subject")} " +
        $"{message.Properties.GetValueOrDefault("cloudEvents_sequence")} {Convert.ToBase64String(message.Body)}";

    /// <summary>A dead letter as read from where the transport keeps them: the message's id, why, and its body as text.</summary>
    protected sealed record DeadLetter(string MessageId, string? Reason, string? Description, string Body);
}
