using System.Collections.Frozen;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CrisisCheckCompleted"/>: whether the resident faces an acute crisis.</summary>
public sealed record CrisisCheckCompleted(
    [property: Display(Name = "Is er een crisis?", Description = "Dreigt een huisuitzetting, afsluiting van energie of water, of opzegging van de zorgverzekering?")]
    bool Crisis,
    [property: Description("Required when crisis is true; leave it out when crisis is false."), Display(Name = "Soort crisis", Description = "Alleen als er een crisis is.")] CrisisKind? Kind = null,
    [property: StringLength(EventDataLimits.Note), Display(Name = "Toelichting")] string? Note = null) : IEventData, IConsistencyCheck
{
    /// <summary>The facts this event states, named as the guards of the definitions name them.</summary>
    public const string CrisisFact = "crisis";
    public const string NoCrisisFact = "geen-crisis";

    private static readonly IReadOnlySet<string> CrisisFacts = new[] { CrisisFact }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> NoCrisisFacts = new[] { NoCrisisFact }.ToFrozenSet(StringComparer.Ordinal);

    IReadOnlySet<string> IEventData.Facts => Crisis ? CrisisFacts : NoCrisisFacts;

    IEnumerable<DataProblem> IConsistencyCheck.Problems()
    {
        if (Crisis && Kind is null)
        {
            yield return new DataProblem("/kind", "Give kind, the kind of crisis, when crisis is true.");
        }

        if (!Crisis && Kind is not null)
        {
            yield return new DataProblem("/kind", "Leave out kind when crisis is false.");
        }
    }
}
