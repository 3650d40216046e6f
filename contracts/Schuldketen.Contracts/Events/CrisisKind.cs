using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Events;

/// <summary>The acute threats that oblige the municipality to act within 3 working days (art. 4 lid 2 Wgs).</summary>
public enum CrisisKind
{
    [JsonStringEnumMemberName("huisuitzetting")] Eviction,
    [JsonStringEnumMemberName("afsluiting-energie")] EnergyCutOff,
    [JsonStringEnumMemberName("afsluiting-water")] WaterCutOff,
    [JsonStringEnumMemberName("opzegging-zorgverzekering")] HealthInsuranceTermination,
}
