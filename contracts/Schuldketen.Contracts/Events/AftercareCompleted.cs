using System.ComponentModel.DataAnnotations;
namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.AftercareCompleted"/>: the sender names how the trajectory closes.</summary>
public sealed record AftercareCompleted([property: Display(Name = "Uitkomst")] AftercareOutcome Outcome) : IEventData
{
    string? IEventData.Outcome => EnumWireNames.Of(Outcome);
}
