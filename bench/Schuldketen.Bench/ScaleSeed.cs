using System.Diagnostics;
using System.Globalization;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>
/// A hub after two years of national use, made through the store's batch apply: trajectories of 10 municipalities, each with
/// its credit bank, started over two years, spread over the phases with some drop-outs and referrals, each counsellor the
/// contact of about 150 open cases. Municipality 0 is the demo's, so the demo's staff log in to a full caseload.
/// </summary>
internal static class ScaleSeed
{
    public const int Municipalities = 10;
    public const int OpenCasesPerCounsellor = 150;
    private const string Source = "urn:nld:oin:{0}:systeem:bench";

    /// <summary>The hub's own OIN by default, which the timer's events come from.</summary>
    private const string HubOin = "00000001000000000000";
    private static readonly DefinitionKey Standard = new("wgs-standaard", 1);
    private static readonly IReadOnlySet<string> NoCrisis = new HashSet<string> { Guards.NoCrisis };

    /// <summary>How far each journey gets, by the trajectory's number: the last six close, two of them as drop-out or referral.</summary>
    private static readonly string[][] Shapes =
    [
        [EventTypes.FirstConversationHeld],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted, EventTypes.StabilisationCompleted],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted, EventTypes.StabilisationCompleted, EventTypes.SettlementAgreed],
        [EventTypes.FirstConversationHeld, EventTypes.DroppedOut],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted, EventTypes.StabilisationCompleted, EventTypes.SettlementAgreed,
            EventTypes.RepaymentCompleted],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted, EventTypes.StabilisationCompleted, EventTypes.SettlementAgreed,
            EventTypes.RepaymentCompleted, EventTypes.AftercareCompleted],
        [EventTypes.DroppedOut],
        [EventTypes.Referred],
        [EventTypes.FirstConversationHeld, EventTypes.AccessGranted, EventTypes.DroppedOut],
    ];

    /// <summary>Days after the request each step happens.</summary>
    private static readonly Dictionary<string, int> Day = new(StringComparer.Ordinal)
    {
        [EventTypes.FirstConversationHeld] = 10,
        [EventTypes.AccessGranted] = 30,
        [EventTypes.StabilisationCompleted] = 120,
        [EventTypes.SettlementAgreed] = 240,
        [EventTypes.RepaymentCompleted] = 600,
        [EventTypes.AftercareCompleted] = 700,
        [EventTypes.DroppedOut] = 45,
        [EventTypes.Referred] = 12,
    };

    /// <summary>The share of journeys still open: the first four shapes and the one in aftercare.</summary>
    public static double OpenShare => 5.0 / Shapes.Length;

    public static string MunicipalityOf(int index) => index % Municipalities == 0
        ? DemoOrganisations.Municipality.Oin
        : $"00000001{100_000 + index % Municipalities:D9}000";

    public static string CreditBankOf(int index) => index % Municipalities == 0
        ? DemoOrganisations.CreditBank.Oin
        : $"00000001{900_000 + index % Municipalities:D9}000";

    public static string TrajectoryId(int index) => $"scale-{index:D7}";

    /// <summary>Counsellors per credit bank, so that each is the contact of about <see cref="OpenCasesPerCounsellor"/> open cases.</summary>
    public static int CounsellorsPerBank(int trajectories) =>
        Math.Max(1, (int)Math.Round(trajectories / (double)Municipalities * OpenShare / OpenCasesPerCounsellor));

    public static string ContactOf(int index, int trajectories) =>
        $"consulent-{index / Municipalities % CounsellorsPerBank(trajectories) + 1}";

    public static bool IsOpen(int index) => index % Shapes.Length is < 4 or 5;

    /// <summary>Seeds the trajectories with many concurrent clients, as partner systems would send them; returns events per second.</summary>
    public static async Task<(long Events, double PerSecond)> RunAsync(TrajectoryStore store, int trajectories, int clients, DateTimeOffset now)
    {
        var next = -1;
        long events = 0;
        var clock = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < trajectories; i = Interlocked.Increment(ref next))
            {
                foreach (var incoming in Journey(i, trajectories, now))
                {
                    var result = await store.ApplyAsync(incoming);
                    if (result.Status != ApplyStatus.Accepted)
                    {
                        throw new InvalidOperationException($"{incoming.Type} on {incoming.TrajectoryId}: {result.Status} {result.Detail}");
                    }

                    Interlocked.Increment(ref events);
                }

                if (i % 50_000 == 0 && i > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  seeded {i} trajectories after {report.Elapsed.TotalSeconds:F0} s ({Interlocked.Read(ref events) / clock.Elapsed.TotalSeconds:F0} ev/s)"));
                }
            }
        })));
        return (events, events / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Fires every passed deadline through the apply path, as the hub's timer would have over the two years.</summary>
    public static async Task<int> FirePassedDeadlinesAsync(TrajectoryStore store)
    {
        var poller = new TimerPoller(store, new HubIdentity(HubOin));
        var fired = 0;
        for (int applied; (applied = await poller.FireDueAsync(2_000)) > 0;)
        {
            fired += applied;
        }

        return fired;
    }

    /// <summary>
    /// Stands in for what the relays did over those two years: the seeded events count as published on the bus, and the
    /// resident-notice relay's cursor is past them (the seeded trajectories hold no BSN, so no resident has notices to get).
    /// Otherwise the hub would spend its first minutes publishing millions of old events while the reads are measured.
    /// </summary>
    public static async Task<(int Published, long Cursor)> SettleRelaysAsync(TrajectoryStore store)
    {
        await using var connection = await store.Dialect.OpenAsync(CancellationToken.None);
        var published = await connection.ExecuteAsync("UPDATE outbox SET published_at = created_at WHERE published_at IS NULL", commandTimeout: 3600);
        var cursor = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(max(recorded_at), 0) + 1 FROM history", commandTimeout: 3600);
        await connection.ExecuteAsync("UPDATE notice_cursor SET recorded_at = @cursor WHERE id = 1 AND recorded_at < @cursor", new { cursor });
        return (published, cursor);
    }

    private static IEnumerable<IncomingEvent> Journey(int index, int trajectories, DateTimeOffset now)
    {
        var id = TrajectoryId(index);
        var random = new Random(index);
        var requested = now.AddDays(-random.Next(0, 730)).AddMinutes(-random.Next(60, 600));
        var municipality = new Sender(MunicipalityOf(index), PartnerRole.Municipality, "medewerker-kcc");
        var contact = ContactOf(index, trajectories);
        var counsellor = new Sender(CreditBankOf(index), PartnerRole.DebtCounsellor, contact);
        var source = string.Format(CultureInfo.InvariantCulture, Source, municipality.Organisation);
        yield return new IncomingEvent(source, $"{id}-0", EventTypes.Registered, id, requested, municipality,
            Registration: new Registration(Standard, municipality.Organisation,
                Counsellor: new Participant(counsellor.Organisation, PartnerRole.DebtCounsellor, $"Consulent {contact}", contact)));
        yield return new IncomingEvent(source, $"{id}-1", EventTypes.CrisisCheckCompleted, id, requested.AddHours(2), municipality, Facts: NoCrisis);
        var steps = Shapes[index % Shapes.Length];
        var at = requested.AddHours(2);
        for (var n = 0; n < steps.Length; n++)
        {
            var type = steps[n];
            // A journey started recently has not got as far yet in time: its steps crowd into the time it had.
            at = Min(Max(at.AddMinutes(1), requested.AddDays(Day[type])), now.AddMinutes(-steps.Length + n));
            var sender = type is EventTypes.AccessGranted ? municipality : counsellor;
            var outcome = type switch
            {
                EventTypes.DroppedOut => "uitval",
                EventTypes.Referred => "doorverwezen",
                EventTypes.AftercareCompleted => "geregeld",
                _ => null,
            };
            yield return new IncomingEvent(string.Format(CultureInfo.InvariantCulture, Source, sender.Organisation), $"{id}-{n + 2}", type, id, at,
                sender, Outcome: outcome);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
