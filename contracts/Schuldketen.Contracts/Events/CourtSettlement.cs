namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CourtSettlementRequested"/> (dwangakkoord, art. 287a Fw).</summary>
public sealed record CourtSettlementRequested(DateOnly FiledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.CourtSettlementGranted"/>.</summary>
public sealed record CourtSettlementGranted(DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.CourtSettlementRejected"/>.</summary>
public sealed record CourtSettlementRejected(DateOnly RuledOn) : IEventData;
