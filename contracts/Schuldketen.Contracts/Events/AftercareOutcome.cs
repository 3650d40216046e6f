using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Events;

/// <summary>How a trajectory ends after aftercare; the wire names are outcomes of the definitions.</summary>
public enum AftercareOutcome
{
    [JsonStringEnumMemberName("geregeld"), Display(Name = "De schulden zijn geregeld")] Settled,
    [JsonStringEnumMemberName("schone-lei"), Display(Name = "Schone lei na de WSNP")] CleanSlate,
}
