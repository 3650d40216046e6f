using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.FirstConversationHeld"/>.</summary>
public sealed record FirstConversationHeld(
    DateTimeOffset HeldAt,
    [property: StringLength(EventDataLimits.Note)] string? Note = null) : IEventData;
