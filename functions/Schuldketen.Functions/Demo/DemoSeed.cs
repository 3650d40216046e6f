using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;
using static Schuldketen.Functions.Demo.DemoOrganisations;

namespace Schuldketen.Functions.Demo;

/// <summary>
/// Fills an empty database with a few dozen trajectories spread over the phases, dated relative to
/// the hub's clock so that some deadlines lie ahead, some are near and some have passed. Every
/// event goes through the normal apply path.
/// </summary>
public sealed class DemoSeed(TrajectoryStore store, SubjectProtector protector, TimeProvider time)
{
    private static readonly DefinitionKey Standard = new("wgs-standaard", 1);
    private static readonly Sender Gemeente = new(Municipality.Oin, PartnerRole.Municipality, "medewerker-kcc");
    private static readonly Sender Rechtbank = new(Court.Oin, PartnerRole.Court);

    /// <summary>Each journey: days since the request, then the events after registration with the day they happened.</summary>
    private static readonly (int Age, (string Type, int Day, string? Guard, string? Outcome)[] Events)[] Journeys =
    [
        (0, []), (1, []), (2, []), (4, []), (6, []),
        (1, [(EventTypes.CrisisCheckCompleted, 0, "crisis", null)]),
        (3, [(EventTypes.CrisisCheckCompleted, 1, "crisis", null)]),
        (8, [(EventTypes.CrisisCheckCompleted, 1, "crisis", null)]),
        (5, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null)]),
        (12, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null)]),
        (20, [(EventTypes.CrisisCheckCompleted, 2, "geen-crisis", null)]),
        (25, [(EventTypes.CrisisCheckCompleted, 2, "geen-crisis", null)]),
        (36, [(EventTypes.CrisisCheckCompleted, 2, "geen-crisis", null)]),
        (24, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.FirstConversationHeld, 10, null, null)]),
        (50, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.FirstConversationHeld, 14, null, null)]),
        (80, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.FirstConversationHeld, 20, null, null)]),
        (70, Granted(60)), (110, Granted(90)), (160, Granted(130)),
        (75, [.. Conversation(), (EventTypes.AccessRefused, 40, null, null)]),
        (200, [.. Granted(30), (EventTypes.StabilisationCompleted, 120, null, null)]),
        (270, [.. Granted(30), (EventTypes.StabilisationCompleted, 130, null, null)]),
        (330, [.. Granted(30), (EventTypes.StabilisationCompleted, 140, null, null)]),
        (260, [.. Granted(30), (EventTypes.StabilisationCompleted, 120, null, null), (EventTypes.MoratoriumGranted, 200, null, null)]),
        (320, [.. Settled(), (EventTypes.ProtectiveAdministrationOrdered, 300, null, null)]),
        (520, Settled()),
        (700, [.. Granted(30), (EventTypes.StabilisationCompleted, 120, null, null), (EventTypes.WsnpRequested, 240, null, null),
            (EventTypes.WsnpAdmitted, 270, null, null)]),
        (860, [.. Settled(), (EventTypes.RepaymentCompleted, 800, null, null)]),
        (990, [.. Settled(), (EventTypes.RepaymentCompleted, 800, null, null), (EventTypes.AftercareCompleted, 980, null, "geregeld")]),
        (30, [(EventTypes.DroppedOut, 20, null, "uitval")]),
        (45, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.DroppedOut, 30, null, "uitval")]),
        (130, [.. Conversation(), (EventTypes.AccessRefused, 40, null, null), (EventTypes.ObjectionFiled, 50, null, null)]),
        (15, [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.Referred, 10, null, "doorverwezen")]),
    ];

    /// <summary>How many demo trajectories (and residents) the seed makes.</summary>
    public static int JourneyCount => Journeys.Length;

    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if ((await store.ListAsync(new TrajectoryQuery(Municipality.Oin, PageSize: 1), cancellationToken)).Items.Count > 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < Journeys.Length; i++)
        {
            await SeedJourneyAsync(i, Journeys[i], now);
        }

        return Journeys.Length;
    }

    /// <summary>A demo resident's BSN: the n-th number from 100000009 upward that passes the 11-check.</summary>
    public static Bsn ResidentBsn(int index)
    {
        var found = -1;
        for (var candidate = 100_000_000; ; candidate++)
        {
            if (Bsn.TryParse(candidate.ToString(System.Globalization.CultureInfo.InvariantCulture), out var bsn) && ++found == index)
            {
                return bsn;
            }
        }
    }

    public static string TrajectoryId(int index) => $"demo-{index + 1:D3}";

    private async Task SeedJourneyAsync(int index, (int Age, (string Type, int Day, string? Guard, string? Outcome)[] Events) journey, DateTimeOffset now)
    {
        var id = TrajectoryId(index);
        var requestedAt = now.AddDays(-journey.Age).AddHours(-1);
        var counsellor = Counsellors[index % Counsellors.Count];
        var bsn = ResidentBsn(index);
        var hasCounsellor = journey.Events.Any(e => e.Type == EventTypes.FirstConversationHeld);
        await ApplyAsync(new IncomingEvent(Source(Municipality), $"{id}-0", EventTypes.Registered, id, requestedAt, Gemeente,
            Registration: new Registration(Standard, Municipality.Oin, protector.Hash(bsn), protector.Encrypt(bsn),
                hasCounsellor ? new Participant(CreditBank.Oin, PartnerRole.DebtCounsellor, counsellor.Name, counsellor.Id) : null)));

        if (index % 4 == 0)
        {
            await LinkAsync(id, requestedAt, Landlord);
        }

        if (index % 7 == 3)
        {
            await LinkAsync(id, requestedAt, GeneralPractice);
        }

        for (var n = 0; n < journey.Events.Length; n++)
        {
            var (type, day, guard, outcome) = journey.Events[n];
            if (type is EventTypes.MoratoriumGranted or EventTypes.WsnpRequested or EventTypes.ProtectiveAdministrationOrdered)
            {
                await LinkAsync(id, requestedAt, Court);
            }

            if (type == EventTypes.WsnpAdmitted)
            {
                await LinkAsync(id, requestedAt, Administrator);
            }

            var sender = SenderOf(type, hasCounsellor ? counsellor : null);
            await ApplyAsync(new IncomingEvent(Source(sender.Organisation), $"{id}-{n + 1}", type, id, requestedAt.AddDays(day), sender,
                Facts: guard is null ? null : new HashSet<string> { guard }, Outcome: outcome));
        }
    }

    /// <summary>Who sends an event: the municipality decides, the court rules, the counsellor (if one is assigned yet) does the rest.</summary>
    private static Sender SenderOf(string type, DemoPerson? counsellor) => type switch
    {
        EventTypes.CrisisCheckCompleted or EventTypes.AccessGranted or EventTypes.AccessRefused or EventTypes.ObjectionFiled => Gemeente,
        EventTypes.MoratoriumGranted or EventTypes.WsnpAdmitted or EventTypes.ProtectiveAdministrationOrdered => Rechtbank,
        _ when counsellor is not null => new Sender(CreditBank.Oin, PartnerRole.DebtCounsellor, counsellor.Id),
        _ => Gemeente,
    };

    private Task LinkAsync(string id, DateTimeOffset at, DemoOrganisation organisation) =>
        ApplyAsync(new IncomingEvent(Source(Municipality), $"{id}-link-{organisation.Oin}", EventTypes.ParticipantLinked, id, at, Gemeente,
            Participant: new Participant(organisation.Oin, organisation.Role)));

    private async Task ApplyAsync(IncomingEvent incoming)
    {
        var result = await store.ApplyAsync(incoming);
        if (result.Status != ApplyStatus.Accepted)
        {
            throw new InvalidOperationException($"Demo event {incoming.Id} ({incoming.Type}) was not accepted: {result.Status} {result.Detail}");
        }
    }

    private static string Source(string organisation) => $"urn:nld:oin:{organisation}:systeem:demo";

    private static string Source(DemoOrganisation organisation) => Source(organisation.Oin);

    private static (string Type, int Day, string? Guard, string? Outcome)[] Conversation() =>
        [(EventTypes.CrisisCheckCompleted, 1, "geen-crisis", null), (EventTypes.FirstConversationHeld, 14, null, null)];

    private static (string Type, int Day, string? Guard, string? Outcome)[] Granted(int day) =>
        [.. Conversation(), (EventTypes.AccessGranted, day, null, null)];

    private static (string Type, int Day, string? Guard, string? Outcome)[] Settled() =>
        [.. Granted(30), (EventTypes.StabilisationCompleted, 120, null, null), (EventTypes.SettlementAgreed, 240, null, null)];
}
