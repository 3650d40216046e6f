using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas.Report;

/// <summary>
/// One delivery of a municipality's early-warning data to CBS in DDAS's exchange model (Uitwisselmodel,
/// schema v0.1, kept in <c>Ddas/Schema</c>): the period it covers, when and by whom it was delivered, the
/// signals and the cases that handled them. Property names are DDAS's own, including its spelling.
/// </summary>
public sealed record DdasDelivery(
    [property: JsonPropertyName("startdatumLevering")] DateOnly PeriodStart,
    [property: JsonPropertyName("einddatumLevering")] DateOnly PeriodEnd,
    [property: JsonPropertyName("aanleverdatumEnTijd")] DateTimeOffset DeliveredAt,
    [property: JsonPropertyName("codeGegevensleverancier")] string SupplierCode,
    [property: JsonPropertyName("vroegsignalen")] IReadOnlyList<DdasSignal> Signals,
    [property: JsonPropertyName("vroegsignaalzaken")] IReadOnlyList<DdasCase> Cases);

/// <summary>A Vroegsignaalzaak: the signals it handled, the attempts to reach the resident and, once closed, its end result.</summary>
public sealed record DdasCase(
    [property: JsonPropertyName("gemeentecode")] string MunicipalityCode,
    [property: JsonPropertyName("matchingsdatum")] DateOnly MatchedOn,
    [property: JsonPropertyName("startdatum_matchtingperiode")] DateOnly MatchingPeriodStart,
    [property: JsonPropertyName("einddatum_matchingperiode")] DateOnly MatchingPeriodEnd,
    [property: JsonPropertyName("datum_opgepakt")] DateOnly? PickedUpOn,
    [property: JsonPropertyName("resultaat")] CbsEndResult? Result,
    [property: JsonPropertyName("vroegsignalen")] IReadOnlyList<DdasSignalReference> Signals,
    [property: JsonPropertyName("contactpogingen")] IReadOnlyList<DdasContactAttempt> ContactAttempts);

public sealed record DdasSignalReference([property: JsonPropertyName("ID")] string Id);

public sealed record DdasContactAttempt(
    [property: JsonPropertyName("soort")] ContactKind Kind,
    [property: JsonPropertyName("bereikt")] bool Reached,
    [property: JsonPropertyName("datum")] DateOnly Date,
    [property: JsonPropertyName("dagdeel")] DayPart? DayPart);
