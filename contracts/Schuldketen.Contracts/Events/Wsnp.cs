using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.WsnpRequested"/>.</summary>
public sealed record WsnpRequested(DateOnly FiledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpAdmitted"/>: the ruling and, once known, the appointed administrator's OIN.</summary>
public sealed record WsnpAdmitted(
    DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Oin, MinimumLength = EventDataLimits.Oin), RegularExpression(EventDataLimits.OinPattern)] string? AdministratorOin = null) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpRejected"/>.</summary>
public sealed record WsnpRejected(DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpHomeVisitMade"/>.</summary>
public sealed record WsnpHomeVisitMade(DateOnly VisitedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpCleanSlate"/>.</summary>
public sealed record WsnpCleanSlate(DateOnly RuledOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.WsnpEndedWithoutCleanSlate"/>.</summary>
public sealed record WsnpEndedWithoutCleanSlate(
    DateOnly RuledOn,
    [property: StringLength(EventDataLimits.Note)] string? Reason = null) : IEventData;
