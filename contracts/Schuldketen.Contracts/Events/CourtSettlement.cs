using System.ComponentModel.DataAnnotations;
namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CourtSettlementRequested"/> (dwangakkoord, art. 287a Fw).</summary>
public sealed record CourtSettlementRequested([property: Display(Name = "Datum van het verzoek")] DateOnly FiledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.CourtSettlementGranted"/>.</summary>
public sealed record CourtSettlementGranted([property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.CourtSettlementRejected"/>.</summary>
public sealed record CourtSettlementRejected([property: Display(Name = "Datum van de uitspraak")] DateOnly RuledOn) : IEventData;
