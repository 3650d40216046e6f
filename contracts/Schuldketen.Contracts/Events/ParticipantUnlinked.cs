using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ParticipantUnlinked"/>: an organisation (by OIN) leaves the trajectory in a role.</summary>
public sealed record ParticipantUnlinked(
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern),
        Display(Name = "OIN van de organisatie", Description = "Het organisatie-identificatienummer: 20 cijfers.")]
    string Organisation,
    [property: Display(Name = "Rol")] string Role) : IEventData;
