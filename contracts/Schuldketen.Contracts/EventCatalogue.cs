using System.Collections.Frozen;

namespace Schuldketen.Contracts;

/// <summary>One event type of the chain, with the Dutch sentence a person reads in a history.</summary>
public sealed record EventTypeInfo(string Type, string Description);

/// <summary>Every event type the hub knows. Definitions may only use these.</summary>
public static class EventCatalogue
{
    public static IReadOnlyList<EventTypeInfo> All { get; } =
    [
        new(EventTypes.Registered, "Aanmelding voor schuldhulp ontvangen"),
        new(EventTypes.CrisisCheckCompleted, "Gecontroleerd of er een crisis is"),
        new(EventTypes.CrisisAverted, "De crisis is afgewend"),
        new(EventTypes.FirstConversationHeld, "Het eerste gesprek heeft plaatsgevonden"),
        new(EventTypes.AccessGranted, "Besluit: u krijgt schuldhulp, met een plan van aanpak"),
        new(EventTypes.AccessRefused, "Besluit: u krijgt geen schuldhulp"),
        new(EventTypes.ObjectionFiled, "Bezwaar tegen het besluit ontvangen"),
        new(EventTypes.ObjectionUpheld, "Het bezwaar is gegrond: u krijgt alsnog schuldhulp"),
        new(EventTypes.ObjectionDismissed, "Het bezwaar is ongegrond"),
        new(EventTypes.ObjectionPeriodExpired, "De termijn voor bezwaar is voorbij"),
        new(EventTypes.StabilisationCompleted, "Uw financiële situatie is stabiel"),
        new(EventTypes.SettlementAgreed, "De schuldeisers gaan akkoord met de schuldregeling"),
        new(EventTypes.ConsolidationLoanGranted, "De kredietbank heeft een saneringskrediet verstrekt"),
        new(EventTypes.MoratoriumGranted, "De rechter heeft een adempauze (moratorium) gegeven"),
        new(EventTypes.MoratoriumEnded, "Het moratorium is beëindigd"),
        new(EventTypes.MoratoriumExpired, "Het moratorium is afgelopen"),
        new(EventTypes.CourtSettlementRequested, "De rechter is gevraagd om een dwangakkoord"),
        new(EventTypes.CourtSettlementGranted, "De rechter heeft het dwangakkoord toegewezen"),
        new(EventTypes.CourtSettlementRejected, "De rechter heeft het dwangakkoord afgewezen"),
        new(EventTypes.WsnpRequested, "Verzoek om toelating tot de WSNP ingediend"),
        new(EventTypes.WsnpAdmitted, "U bent toegelaten tot de WSNP"),
        new(EventTypes.WsnpRejected, "Het verzoek om toelating tot de WSNP is afgewezen"),
        new(EventTypes.WsnpHomeVisitMade, "De bewindvoerder is op huisbezoek geweest"),
        new(EventTypes.WsnpCleanSlate, "De rechter heeft de schone lei gegeven"),
        new(EventTypes.WsnpEndedWithoutCleanSlate, "De WSNP is beëindigd zonder schone lei"),
        new(EventTypes.RepaymentCompleted, "De aflossingsperiode is voltooid"),
        new(EventTypes.AftercareCompleted, "De nazorg is afgerond"),
        new(EventTypes.ProtectiveAdministrationOrdered, "De kantonrechter heeft beschermingsbewind ingesteld"),
        new(EventTypes.DroppedOut, "Het traject is gestopt"),
        new(EventTypes.Referred, "U bent doorverwezen naar andere hulp"),
        new(EventTypes.DeadlinePassed, "Een termijn is verstreken"),
        new(EventTypes.Migrated, "Het traject volgt vanaf nu een nieuwe versie van de werkwijze"),
        new(EventTypes.SignalJoined, "Er is een signaal over een betalingsachterstand binnengekomen"),
        new(EventTypes.ContactAttempted, "De gemeente heeft geprobeerd contact op te nemen"),
        new(EventTypes.OutreachClosed, "De vroegsignalering is afgesloten"),
        new(EventTypes.StatusChanged, "De status van het traject is gewijzigd"),
        new(EventTypes.ParticipantLinked, "Een organisatie is aan het traject gekoppeld"),
        new(EventTypes.ParticipantUnlinked, "Een organisatie is van het traject ontkoppeld"),
        new(EventTypes.CounsellorAssigned, "Er is een schuldhulpverlener toegewezen"),
    ];

    private static readonly FrozenDictionary<string, EventTypeInfo> ByType =
        All.ToFrozenDictionary(info => info.Type, StringComparer.Ordinal);

    public static bool Contains(string type) => ByType.ContainsKey(type);

    public static EventTypeInfo? Find(string type) => ByType.GetValueOrDefault(type);
}
