using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.AccessGranted"/>: the decision and a summary of the plan (plan van aanpak).</summary>
public sealed record AccessGranted(
    [property: Display(Name = "Datum van het besluit")] DateOnly DecidedOn,
    [property: StringLength(EventDataLimits.Summary, MinimumLength = 1),
        Display(Name = "Plan van aanpak", Description = "Een samenvatting van het plan: wat er gebeurt, wie wat doet en wanneer.")]
    string PlanSummary) : IEventData;

/// <summary>Data of <see cref="EventTypes.AccessRefused"/>.</summary>
public sealed record AccessRefused(
    [property: Display(Name = "Datum van het besluit")] DateOnly DecidedOn,
    [property: StringLength(EventDataLimits.Summary, MinimumLength = 1), Display(Name = "Reden", Description = "De reden zoals die in het besluit staat.")]
    string Reason) : IEventData;
