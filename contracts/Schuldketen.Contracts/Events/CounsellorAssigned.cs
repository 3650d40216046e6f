using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CounsellorAssigned"/>: the resident's contact at the counselling organisation.</summary>
public sealed record CounsellorAssigned(
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern),
        Display(Name = "OIN van de schuldhulpverlener", Description = "Het organisatie-identificatienummer: 20 cijfers.")]
    string Organisation,
    [property: StringLength(EventDataLimits.Name, MinimumLength = 1), Display(Name = "Naam van de contactpersoon")] string ContactName,
    [property: StringLength(EventDataLimits.Identifier, MinimumLength = 1),
        Display(Name = "Kenmerk van de contactpersoon", Description = "Het kenmerk van de medewerker in het eigen systeem, als dat er is.")]
    string? ContactId = null) : IEventData;
