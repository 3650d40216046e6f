using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Data of <see cref="EventTypes.ContactMomentRecorded"/>: a contact with the resident about their trajectory, after Open
/// Klant's Klantcontact (kanaal, onderwerp, indicatieContactGelukt). It never moves the phase.
/// </summary>
public sealed record ContactMomentRecorded(
    [property: Description("The channel of the contact, from the controlled list."), Display(Name = "Kanaal")] Channel Channel,
    [property: Description("What the contact was about, in a few words; no BSN or other personal data."), StringLength(EventDataLimits.Name, MinimumLength = 1),
        Display(Name = "Onderwerp", Description = "In een paar woorden; geen BSN of andere persoonsgegevens.")]
    string Subject,
    [property: Description("Whether the resident was reached (indicatieContactGelukt)."), Display(Name = "Inwoner gesproken?")] bool Reached,
    [property: Description("When the contact took place."), Display(Name = "Datum en tijd")] DateTimeOffset At) : IEventData;
