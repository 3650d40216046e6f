using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.WsnpRequested"/>.</summary>
public sealed record WsnpRequested([property: Display(Name = "Datum van het verzoek")] DateOnly FiledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpAdmitted"/>: the ruling and, once known, the appointed administrator's OIN.</summary>
public sealed record WsnpAdmitted(
    [property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern),
        Display(Name = "OIN van de bewindvoerder", Description = "20 cijfers. Laat leeg als de bewindvoerder nog niet bekend is.")]
    string? AdministratorOin = null) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpRejected"/>.</summary>
public sealed record WsnpRejected([property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpHomeVisitMade"/>.</summary>
public sealed record WsnpHomeVisitMade([property: Display(Name = "Datum van het huisbezoek")] DateOnly VisitedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpCleanSlate"/>.</summary>
public sealed record WsnpCleanSlate([property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpEndedWithoutCleanSlate"/>.</summary>
public sealed record WsnpEndedWithoutCleanSlate(
    [property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Note), Display(Name = "Reden")] string? Reason = null) : IEventData;
