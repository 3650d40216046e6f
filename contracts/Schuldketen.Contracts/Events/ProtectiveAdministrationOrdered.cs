using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ProtectiveAdministrationOrdered"/> (beschermingsbewind).</summary>
public sealed record ProtectiveAdministrationOrdered(
    DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern)] string? AdministratorOin = null) : IEventData;
