using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.AccessGranted"/>: the decision and a summary of the plan (plan van aanpak).</summary>
public sealed record AccessGranted(
    DateOnly DecidedOn,
    [property: StringLength(EventDataLimits.Summary, MinimumLength = 1)] string PlanSummary) : IEventData;

/// <summary>Data of <see cref="EventTypes.AccessRefused"/>.</summary>
public sealed record AccessRefused(
    DateOnly DecidedOn,
    [property: StringLength(EventDataLimits.Summary, MinimumLength = 1)] string Reason) : IEventData;
