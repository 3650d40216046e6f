using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.Referred"/>: the help the resident was referred to, by name.</summary>
public sealed record Referred([property: StringLength(EventDataLimits.Name, MinimumLength = 1)] string ReferredTo) : IEventData;
