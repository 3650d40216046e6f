using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ParticipantLinked"/>: an organisation (by OIN) joins the trajectory in a role.</summary>
public sealed record ParticipantLinked(
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern),
        Display(Name = "OIN van de organisatie", Description = "Het organisatie-identificatienummer: 20 cijfers.")]
    string Organisation,
    [property: Display(Name = "Rol")] string Role,
    [property: StringLength(EventDataLimits.Name, MinimumLength = 1), Display(Name = "Naam van de contactpersoon")] string? ContactName = null) : IEventData
{
    /// <summary>
    /// The roles' wire names an organisation can be linked in. The municipality owns the
    /// trajectory from registration and the hub is no participant, so neither is linked; a signal
    /// partner joins only the outreach case its own signal joined.
    /// </summary>
    public static IReadOnlyList<string> LinkableRoles { get; } = Enum.GetValues<PartnerRole>()
        .Where(role => role is not (PartnerRole.Hub or PartnerRole.Municipality or PartnerRole.SignalPartner))
        .Select(role => role.WireName())
        .ToArray();
}
