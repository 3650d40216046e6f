using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Data of <see cref="EventTypes.OutreachClosed"/>: the case's DDAS end result (<c>eindresultaat</c>), and a
/// note for the municipality itself (signal partners never see it).
/// </summary>
public sealed record OutreachClosed(
    [property: JsonPropertyName("eindresultaat"), Display(Name = "Eindresultaat")] EndResult EndResult,
    [property: StringLength(EventDataLimits.Note), Display(Name = "Toelichting voor de gemeente", Description = "De signaalpartner ziet dit niet.")] string? Note = null) : IEventData
{
    /// <summary>The terminal outcome the end result stands for in <c>vroegsignalering.v1.yaml</c>.</summary>
    string? IEventData.Outcome => EndResults.Of(EndResult).Outcome;
}
