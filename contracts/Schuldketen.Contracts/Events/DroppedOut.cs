using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.DroppedOut"/> (uitval).</summary>
public sealed record DroppedOut(
    DropOutReason Reason,
    [property: StringLength(EventDataLimits.Note)] string? Note = null) : IEventData;
