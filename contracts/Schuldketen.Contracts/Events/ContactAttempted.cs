using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Data of <see cref="EventTypes.ContactAttempted"/> (DDAS Contactpoging, with its field names): how, on which
/// day and day part, and whether it reached the resident.
/// </summary>
public sealed record ContactAttempted(
    [property: JsonPropertyName("soort")] ContactKind Kind,
    [property: JsonPropertyName("bereikt")] bool Reached,
    [property: JsonPropertyName("datum")] DateOnly Date,
    [property: JsonPropertyName("dagdeel")] DayPart? DayPart = null) : IEventData;
