using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.DroppedOut"/> (uitval).</summary>
public sealed record DroppedOut(
    [property: Display(Name = "Reden van uitval")] DropOutReason Reason,
    [property: StringLength(EventDataLimits.Note), Display(Name = "Toelichting")] string? Note = null) : IEventData;
