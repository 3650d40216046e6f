using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CounsellorAssigned"/>: the resident's contact at the counselling organisation.</summary>
public sealed record CounsellorAssigned(
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern)] string Organisation,
    [property: StringLength(EventDataLimits.Name, MinimumLength = 1)] string ContactName,
    [property: StringLength(EventDataLimits.Identifier, MinimumLength = 1)] string? ContactId = null) : IEventData;
