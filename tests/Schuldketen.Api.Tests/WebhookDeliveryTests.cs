using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Relays.Webhooks;
using Xunit.Abstractions;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Webhooks end to end: real receivers subscribed over the API hear, signed, what their audience may
/// see of their own trajectories, in order; a failing receiver is retried on the schedule for 24 hours,
/// given up on and redelivered on request; a receiver that answers 410 ends its subscription.
/// </summary>
public class WebhookDeliveryTests(ITestOutputHelper output)
{
    private const string InitialPhase = "aanmelding";
    private const string ClosedPhase = "afgesloten";
    private const string EventMediaType = "application/cloudevents+json";

    private static readonly string[] Bsns = ["111222333", "123456782", "367418253", "209494177"];

    private static readonly Dictionary<string, string?> LoopbackCallbacks = new()
    {
        ["Schuldketen:Webhooks:AllowLoopback"] = "true",
        ["Schuldketen:Webhooks:AllowHttp"] = "true",
    };

    private static readonly string HubSource = $"urn:nld:oin:{new StoreOptions().HubOin}:systeem:schuldketen";

    /// <summary>The fields of each audience's data: those always there, and those there only when they have a value.</summary>
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Fields = new()
    {
        [Audiences.CaseHandlers] = (["trajectory", "sequence", "eventType", "phase", "occurredAt"], ["outcome"]),
        [Audiences.Creditors] = (["audience", "id", "receivesDebtHelp", "closed"], []),
        [Audiences.Judiciary] = (["audience", "id", "phase", "startedAt"], ["outcome"]),
        [Audiences.Referrers] = (["audience", "id", "status", "updatedAt"], []),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_partner_hears_its_own_audience_projection_signed_and_per_trajectory_in_sequence_order(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        var partners = new[]
        {
            new Partner("municipality", Municipality, PartnerRole.Municipality, "medewerker-1"),
            new Partner("counsellor", Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1"),
            new Partner("creditor", Landlord, PartnerRole.Creditor, "incasso-1"),
            new Partner("court", Court, PartnerRole.Court, "griffier-1"),
            new Partner("general practice", GeneralPractice, PartnerRole.GeneralPractitioner, "huisarts-1"),
        };
        await using var listeners = await Listeners.SubscribeAsync(hub, partners);
        var (municipality, counsellor, court) = (listeners.Client("municipality"), listeners.Client("counsellor"), listeners.Client("court"));
        using var otherMunicipality = hub.Client(OtherMunicipality, PartnerRole.Municipality, "medewerker-2");
        var journey = new Journey();

        var repaid = await journey.RegisterAsync(municipality, Municipality, Bsns[0]);
        var droppedOut = await journey.RegisterAsync(municipality, Municipality, Bsns[1]);
        var refused = await journey.RegisterAsync(municipality, Municipality, Bsns[2]);
        var elsewhere = await journey.RegisterAsync(otherMunicipality, OtherMunicipality, Bsns[3], OtherCounsellor);

        await journey.LinkAsync(municipality, repaid, Landlord, "schuldeiser");
        await journey.LinkAsync(municipality, repaid, Court, "rechtbank");
        await journey.LinkAsync(municipality, repaid, GeneralPractice, "huisarts");
        await journey.LinkAsync(municipality, droppedOut, Landlord, "schuldeiser");
        await journey.LinkAsync(municipality, droppedOut, GeneralPractice, "huisarts");

        await journey.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, repaid, PartnerApi.NoCrisis());
        await journey.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, droppedOut, new JsonObject { ["crisis"] = true, ["kind"] = "huisuitzetting" });
        await journey.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, refused, PartnerApi.NoCrisis());
        await journey.SendAsync(otherMunicipality, OtherMunicipality, EventTypes.CrisisCheckCompleted, elsewhere, PartnerApi.NoCrisis());
        await journey.SendAsync(counsellor, Counsellor, EventTypes.FirstConversationHeld, repaid, PartnerApi.Conversation());
        await journey.SendAsync(counsellor, Counsellor, EventTypes.CrisisAverted, droppedOut, new JsonObject());
        await journey.SendAsync(counsellor, Counsellor, EventTypes.FirstConversationHeld, refused, PartnerApi.Conversation());
        await journey.LinkAsync(municipality, refused, Court, "rechtbank");
        await journey.SendAsync(municipality, Municipality, EventTypes.AccessGranted, repaid, PartnerApi.AccessGranted());
        await journey.SendAsync(municipality, Municipality, EventTypes.DroppedOut, droppedOut, new JsonObject { ["reason"] = "geen-contact" });
        await journey.SendAsync(municipality, Municipality, EventTypes.AccessRefused, refused,
            new JsonObject { ["decidedOn"] = "2026-03-02", ["reason"] = "Geen schulden die om een regeling vragen." });
        await journey.SendAsync(court, Court, EventTypes.ProtectiveAdministrationOrdered, repaid, new JsonObject { ["ruledOn"] = "2026-03-02" });
        await journey.SendAsync(counsellor, Counsellor, EventTypes.StabilisationCompleted, repaid,
            new JsonObject { ["creditorCount"] = 3, ["totalDebt"] = 12500.50m, ["monthlyRepaymentCapacity"] = 150m });
        await journey.SendAsync(counsellor, Counsellor, EventTypes.SettlementAgreed, repaid, new JsonObject { ["form"] = "schuldbemiddeling", ["startsOn"] = "2026-03-02" });
        await journey.SendAsync(counsellor, Counsellor, EventTypes.RepaymentCompleted, repaid, new JsonObject { ["completedOn"] = "2026-03-02" });
        await journey.SendAsync(counsellor, Counsellor, EventTypes.AftercareCompleted, repaid, new JsonObject { ["outcome"] = "geregeld" });

        await listeners.WaitForAsync(hub, journey);

        listeners.AssertHeard(journey);
        var sentAt = hub.Clock.GetUtcNow();
        foreach (var listener in listeners.All)
        {
            Assert.All(listener.Receiver.Requests, request => AssertSignedCloudEvent(request, listener.Partner, sentAt));
            var heard = Deduplicated(listener.Receiver.Requests);
            foreach (var trajectory in heard.GroupBy(request => request.Subject))
            {
                var sequences = trajectory.Select(request => request.Sequence).ToList();
                Assert.True(sequences.Zip(sequences.Skip(1)).All(pair => pair.First < pair.Second),
                    $"The {listener.Partner.Name} heard trajectory {trajectory.Key} out of order: {string.Join(", ", sequences)}");
            }
        }

        var creditorHeard = Deduplicated(listeners.Receiver("creditor").Requests)
            .Where(request => request.Subject == repaid)
            .Select(request => request.CloudEvent.GetProperty("data"))
            .Select(data => (data.GetProperty("receivesDebtHelp").GetBoolean(), data.GetProperty("closed").GetBoolean()))
            .ToList();
        Assert.Equal([(true, false), (false, true)], creditorHeard);
        Assert.DoesNotContain(listeners.All.SelectMany(listener => listener.Receiver.Requests), request => request.Subject == elsewhere);
        foreach (var request in listeners.All.SelectMany(listener => listener.Receiver.Requests))
        {
            var everything = request.Body + string.Join('\n', request.Headers.Select(header => $"{header.Key}: {header.Value}"));
            Assert.DoesNotContain(Bsns, bsn => everything.Contains(bsn, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_creditor_linked_after_another_hears_at_its_own_linking_and_the_first_creditor_hears_nothing_new(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        await using var listeners = await Listeners.SubscribeAsync(hub,
        [
            new Partner("municipality", Municipality, PartnerRole.Municipality, "medewerker-1"),
            new Partner("first creditor", Landlord, PartnerRole.Creditor, "incasso-1"),
            new Partner("second creditor", EnergySupplier, PartnerRole.Creditor, "incasso-2"),
        ]);
        var municipality = listeners.Client("municipality");
        var journey = new Journey();

        var id = await journey.RegisterAsync(municipality, Municipality, Bsns[0]);
        await journey.LinkAsync(municipality, id, Landlord, "schuldeiser");
        await journey.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await listeners.WaitForAsync(hub, journey);
        await journey.LinkAsync(municipality, id, EnergySupplier, "schuldeiser");
        await journey.SendAsync(municipality, Municipality, EventTypes.DroppedOut, id, new JsonObject { ["reason"] = "zelf-gestopt" });

        await listeners.WaitForAsync(hub, journey);

        listeners.AssertHeard(journey);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Who_hears_an_event_is_settled_when_it_happens_even_when_the_relay_gets_to_it_later(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        await using var listeners = await Listeners.SubscribeAsync(hub,
        [
            new Partner("municipality", Municipality, PartnerRole.Municipality, "medewerker-1"),
            new Partner("counsellor", Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1"),
            new Partner("next counsellor", OtherCounsellor, PartnerRole.DebtCounsellor, "hulpverlener-9"),
        ]);
        var (municipality, counsellor) = (listeners.Client("municipality"), listeners.Client("counsellor"));
        var journey = new Journey();
        var id = await journey.RegisterAsync(municipality, Municipality, Bsns[0]);
        await journey.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await listeners.WaitForAsync(hub, journey);

        // A relay that died holding every shard: nothing is relayed until its leases run out.
        await using (var connection = await hub.Store.Dialect.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE relay_leases SET owner = 'relay-that-died', lease_until = @until",
                new { until = (hub.Clock.GetUtcNow() + TimeSpan.FromSeconds(15)).ToUnixTimeMilliseconds() });
        }

        await journey.SendAsync(counsellor, Counsellor, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation());
        await journey.ReassignAsync(municipality, id, Counsellor, OtherCounsellor);
        await journey.SendAsync(municipality, Municipality, EventTypes.AccessGranted, id, PartnerApi.AccessGranted());
        hub.Clock.Advance(TimeSpan.FromSeconds(16));
        await listeners.WaitForAsync(hub, journey);

        listeners.AssertHeard(journey);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subscription_to_some_event_types_hears_only_those(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await using var everything = await WebhookReceiver.StartAsync(hub.Clock);
        await using var some = await WebhookReceiver.StartAsync(hub.Clock);
        await everything.SubscribeAsync(municipality);
        await some.SubscribeAsync(municipality, [EventTypes.CrisisCheckCompleted, EventTypes.DroppedOut]);

        var id = await PartnerApi.RegisterAsync(municipality, Bsns[0]);
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.DroppedOut, id, new JsonObject { ["reason"] = "verhuisd" });

        await everything.WaitForAsync(requests => requests.Count >= 4, "all four events at the receiver of every event type", Trouble(hub));
        var heard = await some.WaitForAsync(requests => requests.Any(request => request.CloudEvent.GetProperty("type").GetString() == EventTypes.DroppedOut),
            "the drop-out at the receiver of some event types", Trouble(hub));

        Assert.All(heard, request => Assert.True(request.SignatureValid));
        Assert.Equal([EventTypes.CrisisCheckCompleted, EventTypes.DroppedOut], heard.Select(request => request.CloudEvent.GetProperty("type").GetString()).ToList());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_receiver_that_fails_once_hears_the_event_again_with_the_same_id_before_the_next_ones(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await using var receiver = await WebhookReceiver.StartAsync(hub.Clock);
        receiver.Answer(StatusCodes.Status500InternalServerError);
        var subscription = await receiver.SubscribeAsync(municipality);

        var id = await PartnerApi.RegisterAsync(municipality, Bsns[0]);
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation());
        await Poll.UntilAsync(async () => await SubscriptionApi.DeliveriesAsync(municipality, subscription) is { Count: 3 } deliveries
                                          && deliveries.Any(delivery => delivery.GetProperty("attempts").GetInt32() == 1),
            "three deliveries, the first tried once", state: Trouble(hub));
        var first = Assert.Single(receiver.Requests);
        Assert.Equal(StatusCodes.Status500InternalServerError, first.Status);
        var retry = Assert.Single(await SubscriptionApi.DeliveriesAsync(municipality, subscription), delivery => delivery.GetProperty("attempts").GetInt32() == 1);
        Assert.Equal("pending", retry.GetProperty("status").GetString());
        Assert.Equal(first.Sequence, retry.GetProperty("sequence").GetInt64());
        Assert.InRange(retry.GetProperty("nextAttemptAt").GetDateTimeOffset() - first.ClockAt,
            RetrySchedule.BaseWait(1) * (1 - RetrySchedule.Jitter), RetrySchedule.BaseWait(1) * (1 + RetrySchedule.Jitter));

        hub.Clock.Advance(retry.GetProperty("nextAttemptAt").GetDateTimeOffset() - hub.Clock.GetUtcNow());
        var requests = await receiver.WaitForAsync(received => received.Count >= 4, "the retry and the two events after it", Trouble(hub));

        Assert.All(requests, request => Assert.True(request.SignatureValid));
        Assert.Equal([first.CloudEventId, first.CloudEventId], requests.Take(2).Select(request => request.CloudEventId).ToList());
        Assert.Equal(first.Header("webhook-id"), requests[1].Header("webhook-id"));
        Assert.Equal([StatusCodes.Status500InternalServerError, StatusCodes.Status204NoContent, StatusCodes.Status204NoContent, StatusCodes.Status204NoContent],
            requests.Select(request => request.Status).ToList());
        Assert.Equal([1L, 2L, 3L], Deduplicated(requests).Select(request => request.Sequence).ToList());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failing_receiver_is_retried_on_the_schedule_for_24_hours_then_given_up_on_and_redelivered_on_request(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await using var receiver = await WebhookReceiver.StartAsync(hub.Clock);
        receiver.DefaultStatus = StatusCodes.Status500InternalServerError;
        var subscription = await receiver.SubscribeAsync(municipality);
        var firstAt = hub.Clock.GetUtcNow();

        await PartnerApi.RegisterAsync(municipality, Bsns[0]);

        var attempts = new List<ReceivedWebhook>();
        JsonElement delivery;
        while (true)
        {
            var attempt = attempts.Count + 1;
            var requests = await receiver.WaitForAsync(received => received.Count >= attempt, $"attempt {attempt}", Trouble(hub));
            Assert.Equal(attempt, requests.Count);
            attempts.Add(requests[^1]);
            delivery = await WaitForDeliveryAsync(hub, municipality, subscription, found => found.GetProperty("attempts").GetInt32() == attempt,
                $"the hub to record attempt {attempt}");
            if (delivery.GetProperty("status").GetString() != "pending")
            {
                break;
            }

            var due = delivery.GetProperty("nextAttemptAt").GetDateTimeOffset();
            var wait = RetrySchedule.BaseWait(attempt);
            var waited = due - attempts[^1].ClockAt;
            Assert.True(waited >= (wait * (1 - RetrySchedule.Jitter)) - TimeSpan.FromMilliseconds(1) && waited <= (wait * (1 + RetrySchedule.Jitter)) + TimeSpan.FromMilliseconds(1),
                $"Attempt {attempt + 1} is due {waited} after attempt {attempt}, outside {wait} ± {RetrySchedule.Jitter:P0}.");
            hub.Clock.Advance(due - hub.Clock.GetUtcNow());
        }

        Assert.Equal(firstAt, attempts[0].ClockAt);
        Assert.Equal(firstAt, delivery.GetProperty("createdAt").GetDateTimeOffset());
        var offsets = attempts.Select(attempt => attempt.ClockAt - firstAt).ToList();
        var description = string.Join(", ", offsets);
        output.WriteLine($"{attempts.Count} attempts, after the first at {description}");

        // The schedule: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then 8 h, each ± 10%; a failure 24 hours or more after the first attempt is the last.
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
            TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8)],
            Enumerable.Range(1, 10).Select(RetrySchedule.BaseWait).ToList());
        Assert.True(offsets.SkipLast(1).All(offset => offset < RetrySchedule.GiveUpAfter) && offsets[^1] >= RetrySchedule.GiveUpAfter,
            $"Attempts went on after 24 hours or stopped before them: {description}");
        Assert.InRange(attempts.Count, 10, 11);
        Assert.True(attempts.Count == (offsets[9] < RetrySchedule.GiveUpAfter ? 11 : 10),
            $"{attempts.Count} attempts at {description}: 11 unless the jitter put the tenth past 24 hours.");
        Assert.All(attempts, attempt =>
        {
            Assert.True(attempt.SignatureValid);
            Assert.Equal(StatusCodes.Status500InternalServerError, attempt.Status);
            Assert.Equal(attempt.ClockAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), attempt.Header("webhook-timestamp"));
            Assert.Equal(attempts[0].Header("webhook-id"), attempt.Header("webhook-id"));
            Assert.Equal(attempts[0].Body, attempt.Body);
        });

        var failed = Assert.Single(await SubscriptionApi.DeliveriesAsync(municipality, subscription, "failed"));
        var deliveryId = failed.GetProperty("id").GetInt64();
        Assert.Equal(delivery.GetProperty("id").GetInt64(), deliveryId);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(attempts.Count, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(StatusCodes.Status500InternalServerError, failed.GetProperty("lastStatus").GetInt32());
        Assert.Equal(attempts[^1].ClockAt, failed.GetProperty("doneAt").GetDateTimeOffset());
        var reason = failed.GetProperty("lastError").GetString()!;
        Assert.Contains("24 hours", reason, StringComparison.Ordinal);
        Assert.Contains("500", reason, StringComparison.Ordinal);

        receiver.DefaultStatus = StatusCodes.Status204NoContent;
        using var redelivery = await municipality.PostAsync($"/api/v1/subscriptions/{subscription}/deliveries/{deliveryId}/redelivery", null);
        Assert.Equal(HttpStatusCode.Accepted, redelivery.StatusCode);

        var redelivered = (await receiver.WaitForAsync(received => received.Count > attempts.Count, "the redelivery", Trouble(hub)))[attempts.Count];
        Assert.True(redelivered.SignatureValid);
        Assert.Equal(StatusCodes.Status204NoContent, redelivered.Status);
        Assert.Equal(attempts[0].CloudEventId, redelivered.CloudEventId);
        var delivered = await WaitForDeliveryAsync(hub, municipality, subscription, found => found.GetProperty("status").GetString() == "delivered", "the redelivery to be recorded");
        Assert.Equal(deliveryId, delivered.GetProperty("id").GetInt64());
        Assert.Equal(StatusCodes.Status204NoContent, delivered.GetProperty("lastStatus").GetInt32());
        Assert.Empty(await SubscriptionApi.DeliveriesAsync(municipality, subscription, "failed"));
        using var again = await municipality.PostAsync($"/api/v1/subscriptions/{subscription}/deliveries/{deliveryId}/redelivery", null);
        await PartnerApi.AssertProblemAsync(again, HttpStatusCode.Conflict, "niet-opnieuw-te-bezorgen");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_receiver_answering_410_ends_its_subscription_and_hears_nothing_more(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider, LoopbackCallbacks);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await using var gone = await WebhookReceiver.StartAsync(hub.Clock);
        await using var staying = await WebhookReceiver.StartAsync(hub.Clock);
        gone.DefaultStatus = StatusCodes.Status410Gone;
        var ended = await gone.SubscribeAsync(municipality);
        var kept = await staying.SubscribeAsync(municipality);

        var id = await PartnerApi.RegisterAsync(municipality, Bsns[0]);
        await gone.WaitForAsync(requests => requests.Count == 1, "the registration at the receiver that answers 410", Trouble(hub));
        await Poll.UntilAsync(async () => (await SubscriptionApi.ListAsync(municipality)).All(subscription => subscription.GetProperty("id").GetString() != ended),
            "the subscription answered with 410 to leave the list", state: Trouble(hub));

        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation());
        await staying.WaitForAsync(requests => requests.Count == 3, "all three events at the subscription that stays", Trouble(hub));

        // The staying receiver got the third event only after the round that sent the second one to every subscription had ended.
        Assert.Single(gone.Requests);
        Assert.Equal(kept, Assert.Single(await SubscriptionApi.ListAsync(municipality)).GetProperty("id").GetString());
        using var read = await municipality.GetAsync($"/api/v1/subscriptions/{ended}");
        await PartnerApi.AssertProblemAsync(read, HttpStatusCode.NotFound, SubscriptionApi.NotFoundRule);
    }

    private static async Task<JsonElement> WaitForDeliveryAsync(HubServer hub, HttpClient client, string subscription, Func<JsonElement, bool> condition, string what)
    {
        JsonElement found = default;
        await Poll.UntilAsync(async () =>
        {
            found = (await SubscriptionApi.DeliveriesAsync(client, subscription)).SingleOrDefault(condition);
            return found.ValueKind == JsonValueKind.Object;
        }, what, state: Trouble(hub));
        return found;
    }

    /// <summary>What went wrong in the hub, for the message of a wait that timed out: the first warnings and errors it logged.</summary>
    private static Func<string> Trouble(HubServer hub) => () =>
        hub.LogLines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal))
            .Select(line => line.Split('\n')[0].Trim()).Distinct().Take(3).ToList() is { Count: > 0 } lines
            ? $"the hub logged: {string.Join(Environment.NewLine, lines)}"
            : "the hub logged no warning or error";

    /// <summary>The requests with a CloudEvent id not seen before, in order of arrival.</summary>
    private static List<ReceivedWebhook> Deduplicated(IEnumerable<ReceivedWebhook> requests) =>
        requests.DistinctBy(request => request.CloudEventId).ToList();

    /// <summary>Ordered as <see cref="Journey.ExpectedFor"/> lists them: by trajectory id, then sequence.</summary>
    private static IEnumerable<ReceivedWebhook> InTrajectoryOrder(IEnumerable<ReceivedWebhook> requests) =>
        requests.OrderBy(request => request.Subject, StringComparer.Ordinal).ThenBy(request => request.Sequence);

    /// <summary>A delivery as one line: trajectory, sequence, type and what the audience learns, to compare with <see cref="Journey.ExpectedFor"/>.</summary>
    private static string Describe(string audience, ReceivedWebhook request)
    {
        var cloudEvent = request.CloudEvent;
        var data = cloudEvent.GetProperty("data");
        var heard = audience switch
        {
            Audiences.CaseHandlers => Journey.Heard(audience, data.GetProperty("phase").GetString()!, OptionalString(data, "outcome")),
            Audiences.Judiciary => Journey.Heard(audience, data.GetProperty("phase").GetProperty("id").GetString()!, OptionalString(data, "outcome")),
            Audiences.Creditors => $"receivesDebtHelp={data.GetProperty("receivesDebtHelp").GetBoolean()} closed={data.GetProperty("closed").GetBoolean()}",
            _ => $"status={data.GetProperty("status").GetString()}",
        };
        return $"{request.Subject} #{request.Sequence} {cloudEvent.GetProperty("type").GetString()} {heard}";
    }

    private static string Lines(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? " nothing" : string.Concat(lines.Select(line => $"{Environment.NewLine}  {line}"));

    private static string? OptionalString(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>A signed structured CloudEvent of the hub about the partner's trajectory, with exactly the fields of the partner's audience.</summary>
    private static void AssertSignedCloudEvent(ReceivedWebhook request, Partner partner, DateTimeOffset sentAt)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webhook", request.Path);
        Assert.True(request.SignatureValid, $"The {partner.Name} got a request with an invalid signature: {request.Body}");
        Assert.StartsWith("msg_", request.Header("webhook-id"), StringComparison.Ordinal);
        Assert.Equal(sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("webhook-timestamp"));
        Assert.Equal(EventMediaType, request.Header("content-type")?.Split(';')[0].Trim());

        var cloudEvent = request.CloudEvent;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(HubSource, cloudEvent.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(cloudEvent.GetProperty("id").GetString()));
        Assert.True(Rfc3339.TryParse(cloudEvent.GetProperty("time").GetString()!, out _));
        Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.Matches(@"\A[0-9]{19}\z", cloudEvent.GetProperty("sequence").GetString()!);
        var data = cloudEvent.GetProperty("data");
        var (required, optional) = Fields[partner.Audience];
        var names = data.EnumerateObject().Select(property => property.Name).ToList();
        Assert.True(required.All(names.Contains) && names.All(name => required.Contains(name) || optional.Contains(name)),
            $"The {partner.Name} ({partner.Audience}) got data with fields {string.Join(", ", names)}: {data}");

        if (partner.Audience == Audiences.CaseHandlers)
        {
            Assert.Equal(request.Subject, data.GetProperty("trajectory").GetString());
            Assert.Equal(request.Sequence, data.GetProperty("sequence").GetInt64());
            Assert.Equal(cloudEvent.GetProperty("type").GetString(), data.GetProperty("eventType").GetString());
        }
        else
        {
            Assert.Equal(EventTypes.StatusChanged, cloudEvent.GetProperty("type").GetString());
            Assert.Equal(partner.Audience, data.GetProperty("audience").GetString());
            Assert.Equal(request.Subject, data.GetProperty("id").GetString());
        }
    }

    private sealed record Partner(string Name, string Organisation, PartnerRole Role, string Person)
    {
        public string Audience => Audiences.Of(Role);
    }

    private sealed record Listener(Partner Partner, WebhookReceiver Receiver, HttpClient Client, string Subscription);

    /// <summary>Each partner with its own receiver, subscribed to all its events, and a client to call the hub as that partner.</summary>
    private sealed class Listeners(IReadOnlyList<Listener> all) : IAsyncDisposable
    {
        public IReadOnlyList<Listener> All => all;

        public static async Task<Listeners> SubscribeAsync(HubServer hub, IReadOnlyList<Partner> partners)
        {
            var listeners = new List<Listener>();
            foreach (var partner in partners)
            {
                var receiver = await WebhookReceiver.StartAsync(hub.Clock);
                var client = hub.Client(partner.Organisation, partner.Role, partner.Person);
                listeners.Add(new Listener(partner, receiver, client, await receiver.SubscribeAsync(client)));
            }

            return new Listeners(listeners);
        }

        public HttpClient Client(string name) => all.Single(listener => listener.Partner.Name == name).Client;

        public WebhookReceiver Receiver(string name) => all.Single(listener => listener.Partner.Name == name).Receiver;

        /// <summary>
        /// Waits until the municipality, which hears every event of its trajectories, has all the
        /// journey promises it, so every event has been turned into deliveries, and no subscription has
        /// a delivery left to send: then everything the hub will send has arrived, and what each
        /// receiver got can be compared.
        /// </summary>
        public Task WaitForAsync(HubServer hub, Journey journey) => Poll.UntilAsync(async () =>
        {
            foreach (var listener in all)
            {
                if ((listener.Partner.Role == PartnerRole.Municipality
                     && Deduplicated(listener.Receiver.Requests).Count < journey.ExpectedFor(listener.Partner).Count)
                    || (await SubscriptionApi.DeliveriesAsync(listener.Client, listener.Subscription)).Any(delivery => delivery.GetProperty("status").GetString() == "pending"))
                {
                    return false;
                }
            }

            return true;
        }, "every event the journey promises at each receiver, and no delivery pending", state: () => string.Join("; ", all.Select(listener =>
            $"{listener.Partner.Name}: {Deduplicated(listener.Receiver.Requests).Count} of {journey.ExpectedFor(listener.Partner).Count} events")) + "; " + Trouble(hub)());

        /// <summary>Demands that each receiver heard, after removing duplicates, exactly what the journey promises it; names every one that did not.</summary>
        public void AssertHeard(Journey journey)
        {
            var wrong = new List<string>();
            foreach (var listener in all)
            {
                var expected = journey.ExpectedFor(listener.Partner);
                var heard = InTrajectoryOrder(Deduplicated(listener.Receiver.Requests)).Select(request => Describe(listener.Partner.Audience, request)).ToList();
                if (!heard.SequenceEqual(expected))
                {
                    wrong.Add($"The {listener.Partner.Name} should have heard{Lines(expected)}{Environment.NewLine}but heard{Lines(heard)}");
                }
            }

            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var listener in all)
            {
                listener.Client.Dispose();
                await listener.Receiver.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// What happened to the trajectories, as the hub accepted it, and so what each partner should hear.
    /// An event is heard by those who take part once it has been applied (a partner that joins hears
    /// the event that links it; a counsellor replaced does not hear its replacement): the case handlers
    /// every such event; the other audiences their projection when they join and whenever what they
    /// can tell apart changes (creditors: helped or closed; courts: phase and outcome; GPs: the
    /// referral status).
    /// </summary>
    private sealed class Journey
    {
        private readonly List<Step> steps = [];
        private readonly Dictionary<string, Dictionary<string, long>> joined = [];
        private readonly Dictionary<string, Dictionary<string, long>> left = [];

        public async Task<string> RegisterAsync(HttpClient municipality, string organisation, string bsn, string counsellor = Organisations.Counsellor)
        {
            var id = await PartnerApi.RegisterAsync(municipality, bsn, counsellor);
            var registration = Assert.Single(await PartnerApi.HistoryAsync(municipality, id));
            var step = new Step(id, registration.GetProperty("sequence").GetInt64(), EventTypes.Registered, registration.GetProperty("phase").GetString()!, null);
            Assert.Equal(EventTypes.Registered, registration.GetProperty("type").GetString());
            steps.Add(step);
            joined[id] = new Dictionary<string, long> { [organisation] = step.Sequence, [counsellor] = step.Sequence };
            left[id] = [];
            return id;
        }

        /// <summary>Another counsellor takes over: from this event on the next one hears the trajectory, and the previous one no more.</summary>
        public async Task ReassignAsync(HttpClient municipality, string id, string previous, string next)
        {
            var step = await SendAsync(municipality, Organisations.Municipality, EventTypes.CounsellorAssigned, id,
                new JsonObject { ["organisation"] = next, ["contactName"] = "Sanne Bakker" });
            joined[id][next] = step.Sequence;
            left[id][previous] = step.Sequence;
        }

        public async Task LinkAsync(HttpClient municipality, string id, string organisation, string role) =>
            joined[id][organisation] = (await SendAsync(municipality, Organisations.Municipality, EventTypes.ParticipantLinked, id,
                new JsonObject { ["organisation"] = organisation, ["role"] = role })).Sequence;

        public async Task<Step> SendAsync(HttpClient client, string sender, string type, string id, JsonObject data)
        {
            var accepted = await PartnerApi.SendAsync(client, sender, type, id, data);
            var step = new Step(id, accepted.GetProperty("sequence").GetInt64(), type, accepted.GetProperty("phase").GetString()!, OptionalString(accepted, "outcome"));
            steps.Add(step);
            return step;
        }

        public IReadOnlyList<string> ExpectedFor(Partner partner)
        {
            var expected = new List<string>();
            foreach (var trajectory in steps.GroupBy(step => step.Trajectory).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                if (!joined[trajectory.Key].TryGetValue(partner.Organisation, out var since))
                {
                    continue;
                }

                var until = left[trajectory.Key].GetValueOrDefault(partner.Organisation, long.MaxValue);
                string? before = null;
                foreach (var step in trajectory.Where(step => step.Sequence >= since && step.Sequence < until).OrderBy(step => step.Sequence))
                {
                    var heard = Heard(partner.Audience, step.Phase, step.Outcome);
                    if (partner.Audience == Audiences.CaseHandlers || heard != before)
                    {
                        var type = partner.Audience == Audiences.CaseHandlers ? step.Type : EventTypes.StatusChanged;
                        expected.Add($"{step.Trajectory} #{step.Sequence} {type} {heard}");
                    }

                    before = heard;
                }
            }

            return expected;
        }

        /// <summary>What an audience learns of a trajectory in this phase with this outcome.</summary>
        public static string Heard(string audience, string phase, string? outcome) => audience switch
        {
            Audiences.CaseHandlers or Audiences.Judiciary => $"phase={phase} outcome={outcome ?? "none"}",
            Audiences.Creditors => $"receivesDebtHelp={phase != ClosedPhase} closed={phase == ClosedPhase}",
            _ => $"status={(phase == ClosedPhase ? "afgesloten" : phase == InitialPhase ? "aangemeld" : "in-behandeling")}",
        };
    }

    private sealed record Step(string Trajectory, long Sequence, string Type, string Phase, string? Outcome);
}
