using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.Referred"/>: the help the resident was referred to, by name.</summary>
public sealed record Referred([property: StringLength(EventDataLimits.Name, MinimumLength = 1),
    Display(Name = "Doorverwezen naar", Description = "De naam van de hulp of organisatie; geen persoonsgegevens.")]
string ReferredTo) : IEventData;
