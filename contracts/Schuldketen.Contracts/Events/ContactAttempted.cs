using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Data of <see cref="EventTypes.ContactAttempted"/> (DDAS Contactpoging, with its field names): how, on which
/// day and day part, and whether it reached the resident.
/// </summary>
public sealed record ContactAttempted(
    [property: JsonPropertyName("soort"), Display(Name = "Soort contactpoging")] ContactKind Kind,
    [property: JsonPropertyName("bereikt"), Display(Name = "Inwoner bereikt?")] bool Reached,
    [property: JsonPropertyName("datum"), Display(Name = "Datum")] DateOnly Date,
    [property: JsonPropertyName("dagdeel"), Display(Name = "Dagdeel")] DayPart? DayPart = null) : IEventData;
