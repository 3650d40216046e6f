using System.Text.Json;

namespace Schuldketen.Contracts.Tests.Events;

/// <summary>One valid data object for every event type a partner may send.</summary>
internal static class Samples
{
    public const string Oin = "00000001001234567000";

    public static IReadOnlyDictionary<string, string> ByType { get; } = new Dictionary<string, string>
    {
        [EventTypes.CrisisCheckCompleted] = """{"crisis":true,"kind":"afsluiting-energie","note":"Afsluiting aangekondigd"}""",
        [EventTypes.CrisisAverted] = """{"note":"Betalingsregeling met leverancier"}""",
        [EventTypes.FirstConversationHeld] = """{"heldAt":"2026-03-02T10:00:00+01:00"}""",
        [EventTypes.AccessGranted] = """{"decidedOn":"2026-04-20","planSummary":"Stabiliseren, daarna schuldbemiddeling."}""",
        [EventTypes.AccessRefused] = """{"decidedOn":"2026-04-20","reason":"Eerder traject binnen vijf jaar beëindigd."}""",
        [EventTypes.ObjectionFiled] = """{"receivedOn":"2026-05-01"}""",
        [EventTypes.ObjectionUpheld] = """{"decidedOn":"2026-06-01"}""",
        [EventTypes.ObjectionDismissed] = """{"decidedOn":"2026-06-01"}""",
        [EventTypes.StabilisationCompleted] = """{"creditorCount":14,"totalDebt":23150.75,"monthlyRepaymentCapacity":180}""",
        [EventTypes.SettlementAgreed] = """{"form":"schuldbemiddeling","startsOn":"2026-09-01"}""",
        [EventTypes.ConsolidationLoanGranted] = """{"amount":8000.00,"startsOn":"2026-09-01"}""",
        [EventTypes.MoratoriumGranted] = """{"until":"2026-12-31"}""",
        [EventTypes.MoratoriumEnded] = """{"endedOn":"2026-10-15"}""",
        [EventTypes.CourtSettlementRequested] = """{"filedOn":"2026-07-01"}""",
        [EventTypes.CourtSettlementGranted] = """{"ruledOn":"2026-08-01"}""",
        [EventTypes.CourtSettlementRejected] = """{"ruledOn":"2026-08-01"}""",
        [EventTypes.WsnpRequested] = """{"filedOn":"2026-07-01"}""",
        [EventTypes.WsnpAdmitted] = $$"""{"ruledOn":"2026-08-01","administratorOin":"{{Oin}}"}""",
        [EventTypes.WsnpRejected] = """{"ruledOn":"2026-08-01"}""",
        [EventTypes.WsnpHomeVisitMade] = """{"visitedOn":"2026-08-10"}""",
        [EventTypes.WsnpCleanSlate] = """{"ruledOn":"2028-02-01"}""",
        [EventTypes.WsnpEndedWithoutCleanSlate] = """{"ruledOn":"2027-03-01"}""",
        [EventTypes.RepaymentCompleted] = """{"completedOn":"2028-03-01"}""",
        [EventTypes.AftercareCompleted] = """{"outcome":"schone-lei"}""",
        [EventTypes.ProtectiveAdministrationOrdered] = """{"ruledOn":"2026-05-15"}""",
        [EventTypes.DroppedOut] = """{"reason":"geen-contact"}""",
        [EventTypes.Referred] = """{"referredTo":"Maatschappelijk werk"}""",
        [EventTypes.ParticipantLinked] = $$"""{"organisation":"{{Oin}}","role":"schuldeiser","contactName":"Team Incasso"}""",
        [EventTypes.ParticipantUnlinked] = $$"""{"organisation":"{{Oin}}","role":"huisarts"}""",
        [EventTypes.CounsellorAssigned] = $$"""{"organisation":"{{Oin}}","contactName":"J. de Vries","contactId":"m-1042"}""",
        [EventTypes.ContactAttempted] = """{"soort":"Huisbezoek","bereikt":false,"datum":"2026-03-04","dagdeel":"Avond"}""",
        [EventTypes.OutreachClosed] = """{"eindresultaat":"Niet opgepakt: andere reden","note":"Uitsluitingslijst"}""",
    };

    public static TheoryData<string> Types { get; } = new(ByType.Keys);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
