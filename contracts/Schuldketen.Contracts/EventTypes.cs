namespace Schuldketen.Contracts;

/// <summary>
/// The CloudEvents <c>type</c> values of the chain: reverse-DNS, Dutch domain terms,
/// the same in definitions, on the API and on the bus.
/// </summary>
public static class EventTypes
{
    public const string Prefix = "nl.schuldketen.";

    public const string Registered = Prefix + "traject.aangemeld";
    public const string CrisisCheckCompleted = Prefix + "crisischeck.uitgevoerd";
    public const string CrisisAverted = Prefix + "crisis.afgewend";
    public const string FirstConversationHeld = Prefix + "eerste-gesprek.gevoerd";
    public const string AccessGranted = Prefix + "toegang.toegekend";
    public const string AccessRefused = Prefix + "toegang.geweigerd";
    public const string ObjectionFiled = Prefix + "bezwaar.ingediend";
    public const string ObjectionUpheld = Prefix + "bezwaar.gegrond";
    public const string ObjectionDismissed = Prefix + "bezwaar.ongegrond";
    public const string ObjectionPeriodExpired = Prefix + "bezwaartermijn.verstreken";
    public const string StabilisationCompleted = Prefix + "stabilisatie.afgerond";
    public const string SettlementAgreed = Prefix + "schuldregeling.akkoord";
    public const string ConsolidationLoanGranted = Prefix + "saneringskrediet.verstrekt";
    public const string MoratoriumGranted = Prefix + "moratorium.verleend";
    public const string MoratoriumEnded = Prefix + "moratorium.beeindigd";
    public const string MoratoriumExpired = Prefix + "moratorium.verlopen";
    public const string CourtSettlementRequested = Prefix + "dwangakkoord.verzocht";
    public const string CourtSettlementGranted = Prefix + "dwangakkoord.toegewezen";
    public const string CourtSettlementRejected = Prefix + "dwangakkoord.afgewezen";
    public const string WsnpRequested = Prefix + "wsnp.verzocht";
    public const string WsnpAdmitted = Prefix + "wsnp.toegelaten";
    public const string WsnpRejected = Prefix + "wsnp.afgewezen";
    public const string WsnpHomeVisitMade = Prefix + "wsnp.huisbezoek-afgelegd";
    public const string WsnpCleanSlate = Prefix + "wsnp.schone-lei-verleend";
    public const string WsnpEndedWithoutCleanSlate = Prefix + "wsnp.beeindigd-zonder-schone-lei";
    public const string RepaymentCompleted = Prefix + "aflossing.voltooid";
    public const string AftercareCompleted = Prefix + "nazorg.afgerond";
    public const string ProtectiveAdministrationOrdered = Prefix + "beschermingsbewind.ingesteld";
    public const string DroppedOut = Prefix + "traject.uitgevallen";
    public const string Referred = Prefix + "traject.doorverwezen";
    public const string DeadlinePassed = Prefix + "termijn.verstreken";
    public const string Migrated = Prefix + "traject.gemigreerd";

    /// <summary>Outreach (vroegsignalering): the hub adds a signal to a household's case; only the signal's non-personal facts.</summary>
    public const string SignalJoined = Prefix + "vroegsignaal.toegevoegd";
    public const string ContactAttempted = Prefix + "contactpoging.gedaan";
    public const string OutreachClosed = Prefix + "vroegsignaalzaak.afgesloten";

    /// <summary>What partners outside the case hear: their projection of the trajectory changed.</summary>
    public const string StatusChanged = Prefix + "traject.status-gewijzigd";
    public const string ParticipantLinked = Prefix + "traject.deelnemer-gekoppeld";
    public const string ParticipantUnlinked = Prefix + "traject.deelnemer-ontkoppeld";
    public const string CounsellorAssigned = Prefix + "traject.schuldhulpverlener-toegewezen";
}
