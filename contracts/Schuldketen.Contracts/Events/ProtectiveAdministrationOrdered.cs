using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ProtectiveAdministrationOrdered"/> (beschermingsbewind).</summary>
public sealed record ProtectiveAdministrationOrdered(
    [property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern),
        Display(Name = "OIN van de bewindvoerder", Description = "20 cijfers. Laat leeg als de bewindvoerder nog niet bekend is.")]
    string? AdministratorOin = null) : IEventData;
