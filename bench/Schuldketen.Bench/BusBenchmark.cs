using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Amqp;
using Amqp.Framing;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Bench;

/// <summary>
/// The bus on RabbitMQ, in one run: a raw AMQPNetLite publish of messages shaped like the hub's
/// (same properties, same body size, the same number in flight) as the baseline; the hub's relay
/// draining an outbox that filled while the broker was out of reach; and intake-to-bus latency at
/// a fixed offered load. Prints
/// <c>bus &lt;profile&gt; events_per_s=… raw_publish_per_s=… ratio=… p99_ms=…</c> last.
/// </summary>
internal static class BusBenchmark
{
    private const int InFlight = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var arguments = new BenchArguments(args);
        var rabbitMq = arguments.Text("rabbitmq") ?? Environment.GetEnvironmentVariable("SCHULDKETEN_BENCH_RABBITMQ")
                       ?? throw new ArgumentException("The bus benchmark needs --rabbitmq amqp://… or SCHULDKETEN_BENCH_RABBITMQ.");
        var journeys = arguments.Number("journeys", 2000);
        var load = arguments.Number("load", 500);
        var provider = options.Postgres is null ? "sqlite" : "postgresql";
        var partners = new List<BusPartner>
        {
            new() { Organisation = Organisations.Municipality, Role = PartnerRole.Municipality.WireName() },
            new() { Organisation = Organisations.Counsellor, Role = PartnerRole.DebtCounsellor.WireName() },
        };
        var bus = new BusOptions { Profile = BusProfile.RabbitMq, Address = rabbitMq, Prefix = $"bench{Guid.NewGuid():N}", Partners = partners };
        await RabbitMqTopology.ProvisionAsync(bus, CancellationToken.None);
        var addresses = new BusAddresses(BusProfile.RabbitMq, bus.Prefix);
        var recipients = partners.Select(partner => partner.Organisation).ToArray();
        await using var partnerQueue = await PartnerQueue.OpenAsync(rabbitMq, recipients.Select(addresses.PartnerSubscription).ToArray());

        // Fill the outbox while the hub cannot reach the broker, then let a hub on the same database drain it.
        var database = options.Postgres is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres) { Database = $"bus{Guid.NewGuid():N}" }.ConnectionString;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "schuldketen-bench", $"bus{Guid.NewGuid():N}");
        var unreachable = Settings(bus, "amqp://guest:guest@127.0.0.1:9", dataDirectory, database);
        await using (var filling = await BenchHub.StartAsync(provider, database, unreachable))
        {
            await SendJourneysAsync(filling, journeys, options.HttpClients);
        }

        var backlog = 0;
        foreach (var recipient in recipients)
        {
            backlog += await OutboxBacklog.CountAsync(dataDirectory, database, recipient);
        }

        var raw = await RawPublishAsync(rabbitMq, addresses, recipients, backlog, partnerQueue);

        // Both rates are taken where a partner sees them: from the first to the last arrival on its queue.
        await using var hub = await BenchHub.StartAsync(provider, database, Settings(bus, rabbitMq, dataDirectory, database));
        var drained = await partnerQueue.CountUntilAsync(backlog, TimeSpan.FromMinutes(5));
        var relayPerSecond = partnerQueue.ArrivalRate();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bus {provider} backlog={backlog} drained={drained} raw_acked_per_s={raw.Acked:F0}"));

        var latencies = await IntakeToBusAsync(hub, provider, partnerQueue, addresses.PartnerSubscription(Organisations.Counsellor), load, seconds: 10, options.HttpClients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bus rabbitmq events_per_s={relayPerSecond:F0} raw_publish_per_s={raw.Arrived:F0} ratio={relayPerSecond / raw.Arrived:F2} p99_ms={Percentile(latencies, 0.99):F1}"));
        return drained == backlog ? 0 : 1;
    }

    private static Dictionary<string, string?> Settings(BusOptions bus, string address, string dataDirectory, string? database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Schuldketen:Bus:Profile"] = nameof(BusProfile.RabbitMq),
            ["Schuldketen:Bus:Address"] = address,
            ["Schuldketen:Bus:Prefix"] = bus.Prefix,
            ["Schuldketen:Bus:RelayInterval"] = "00:00:00.020",
            ["Schuldketen:DataDirectory"] = dataDirectory,
        };
        if (database is not null)
        {
            settings["Schuldketen:Postgres"] = database;
        }

        for (var index = 0; index < bus.Partners.Count; index++)
        {
            settings[$"Schuldketen:Bus:Partners:{index}:Organisation"] = bus.Partners[index].Organisation;
            settings[$"Schuldketen:Bus:Partners:{index}:Role"] = bus.Partners[index].Role;
        }

        return settings;
    }

    /// <summary>Registers the journeys and sends every step of each, trajectories side by side.</summary>
    private static async Task SendJourneysAsync(HubServer hub, int journeys, int clients)
    {
        using var municipality = BenchHub.Client(hub, Organisations.Municipality, PartnerRole.Municipality, clients);
        using var counsellor = BenchHub.Client(hub, Organisations.Counsellor, PartnerRole.DebtCounsellor, clients);
        var ids = await Registrations.RegisterAsync([municipality], Residents.Bsns().Take(journeys).ToList(), clients);
        var registeredAt = DateTimeOffset.UtcNow;
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (index, _) =>
        {
            for (var step = 0; step < Journey.Steps.Count; step++)
            {
                var journeyEvent = Journey.Event(ids[index], step, registeredAt);
                await PostAsync(journeyEvent.Organisation == Organisations.Municipality ? municipality : counsellor, journeyEvent.Body);
            }
        });
    }

    /// <summary>
    /// As many messages as the hub has to publish, shaped as it publishes them and spread over the same
    /// recipients (a link each), <see cref="InFlight"/> at a time: per second acknowledged, and arrived.
    /// </summary>
    private static async Task<(double Acked, double Arrived)> RawPublishAsync(
        string rabbitMq, BusAddresses addresses, IReadOnlyList<string> recipients, int count, PartnerQueue partnerQueue)
    {
        var connection = await Connection.Factory.CreateAsync(new Address(rabbitMq));
        var session = new Session(connection);
        var senders = recipients.Select(recipient => new SenderLink(session, $"bench-raw-{recipient}", addresses.Publish("behandelaar", recipient))).ToArray();
        using var data = JsonDocument.Parse("""{"trajectory":"t","sequence":1,"eventType":"nl.schuldketen.traject.eerste-gesprek-gehouden","phase":"besluit","occurredAt":"2026-03-02T10:00:00Z"}""");
        var clock = Stopwatch.StartNew();
        var window = new SemaphoreSlim(InFlight);
        var sends = new List<Task>(count);
        for (var n = 0; n < count; n++)
        {
            await window.WaitAsync();
            var cloudEvent = AmqpCloudEvent.From(CloudEventEnvelope.Outgoing($"raw-{n}", "urn:nld:oin:00000001000000000000:systeem:schuldketen",
                "nl.schuldketen.traject.eerste-gesprek-gehouden", "t", DateTimeOffset.UtcNow, data.RootElement, n));
            var message = new Message
            {
                Header = new Header { Durable = true },
                Properties = new Properties { MessageId = cloudEvent.MessageId, ContentType = cloudEvent.ContentType },
                ApplicationProperties = new ApplicationProperties(),
                BodySection = new Data { Binary = cloudEvent.Body },
            };
            foreach (var (name, value) in cloudEvent.Properties)
            {
                message.ApplicationProperties[name] = value;
            }

            sends.Add(senders[n % senders.Length].SendAsync(message).ContinueWith(_ => window.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(sends);
        var perSecond = count / clock.Elapsed.TotalSeconds;
        await session.CloseAsync();
        await connection.CloseAsync();
        await partnerQueue.CountUntilAsync(count, TimeSpan.FromMinutes(2));
        var arrived = partnerQueue.ArrivalRate();
        partnerQueue.Reset();
        return (perSecond, arrived);
    }

    /// <summary>Fresh journeys at a fixed offered load; the time from sending each event to its arrival on the partner's queue.</summary>
    private static async Task<List<double>> IntakeToBusAsync(
        HubServer hub, string provider, PartnerQueue partnerQueue, string counsellorQueue, int load, int seconds, int clients)
    {
        using var municipality = BenchHub.Client(hub, Organisations.Municipality, PartnerRole.Municipality, clients);
        using var counsellor = BenchHub.Client(hub, Organisations.Counsellor, PartnerRole.DebtCounsellor, clients);
        var steps = Journey.Steps.Take(5).ToList();
        var total = load * seconds;
        var ids = await Registrations.RegisterAsync([municipality], Residents.Bsns().Skip(1_000_000).Take((total / steps.Count) + 1).ToList(), clients);
        partnerQueue.Reset();
        var registeredAt = DateTimeOffset.UtcNow;
        var sent = new ConcurrentDictionary<string, (string Trajectory, long Sequence, long Sent, long Answered)>();
        var ready = new ConcurrentQueue<(int Trajectory, int Step)>(Enumerable.Range(0, ids.Length).Select(index => (index, 0)));
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < total && ready.TryDequeue(out var next); n++)
        {
            var due = TimeSpan.FromSeconds((double)n / load);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            inFlight.Add(SendAsync(next));
        }

        await Task.WhenAll(inFlight);
        await Poll.WithinAsync(() => sent.Keys.All(partnerQueue.Arrivals.ContainsKey), TimeSpan.FromMinutes(1));
        await PrintStagesAsync(hub, provider, sent, partnerQueue);

        return sent.Where(pair => partnerQueue.Arrivals.ContainsKey(pair.Key))
            .Select(pair => Stopwatch.GetElapsedTime(pair.Value.Sent, partnerQueue.Arrivals[pair.Key]).TotalMilliseconds)
            .Order()
            .ToList();

        async Task SendAsync((int Trajectory, int Step) item)
        {
            var step = steps[item.Step];
            var started = Stopwatch.GetTimestamp();
            var answer = await PostAsync(step.Role == PartnerRole.Municipality ? municipality : counsellor,
                Journey.Event(ids[item.Trajectory], item.Step, registeredAt).Body);
            var sequence = answer.GetProperty("sequence").GetInt64();
            sent[PartnerQueue.Key(counsellorQueue, $"{ids[item.Trajectory]}-{sequence}-behandelaar")] = (ids[item.Trajectory], sequence, started, Stopwatch.GetTimestamp());
            if (item.Step + 1 < steps.Count)
            {
                ready.Enqueue((item.Trajectory, item.Step + 1));
            }
        }
    }

    /// <summary>
    /// Per stage: the intake (sending to the 202), the apply to the relay reading its outbox row, that to the
    /// start of its publication, and that to its arrival on the partner's queue.
    /// </summary>
    private static async Task PrintStagesAsync(
        HubServer hub, string provider, IReadOnlyDictionary<string, (string Trajectory, long Sequence, long Sent, long Answered)> sent, PartnerQueue partnerQueue)
    {
        // The relay marks a round published after the broker accepted it: wait until the last ones are marked.
        var rows = new Dictionary<(string, long), (string Trajectory, long Sequence, long Applied, long? Read, long? Started)>();
        await Poll.WithinAsync(async () =>
        {
            await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
            rows = (await connection.QueryAsync<(string Trajectory, long Sequence, long Applied, long? Read, long? Started)>(
                    "SELECT trajectory_id, sequence, created_at, bus_read_at, bus_sent_at FROM outbox WHERE audience = 'behandelaar'"))
                .ToDictionary(row => (row.Trajectory, row.Sequence));
            return sent.Values.All(times => rows.TryGetValue((times.Trajectory, times.Sequence), out var row) && row.Started is not null);
        }, TimeSpan.FromSeconds(30));
        var stages = new StageTimes();
        foreach (var (key, times) in sent)
        {
            stages.Add("intake", Stopwatch.GetElapsedTime(times.Sent, times.Answered).TotalMilliseconds);
            if (rows.TryGetValue((times.Trajectory, times.Sequence), out var row) && row is { Read: { } read, Started: { } started }
                && partnerQueue.Arrivals.TryGetValue(key, out var arrival))
            {
                stages.Add("apply_to_read", read - row.Applied);
                stages.Add("read_to_send", started - read);
                stages.Add("send_to_queue", stages.UnixMilliseconds(arrival) - started);
            }
        }

        stages.Print("bus", provider);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(CloudEventEnvelope.MediaType);
        using var response = await client.PostAsync("/api/v1/events", content);
        var answer = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"An event answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
        }

        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * fraction) - 1)];
}
