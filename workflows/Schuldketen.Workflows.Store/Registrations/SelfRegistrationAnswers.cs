namespace Schuldketen.Workflows.Store.Registrations;

/// <summary>
/// What a resident tells the municipality when registering themselves: how to reach them (at least one), and, if they
/// wish, what is going on and whether a crisis threatens (null: not answered).
/// </summary>
public sealed record SelfRegistrationAnswers(
    string? Phone,
    string? Email,
    string? Situation,
    bool? EvictionThreatens,
    bool? EnergyOrWaterCutOff,
    bool? HealthInsuranceEnded)
{
    public bool CrisisMentioned => EvictionThreatens == true || EnergyOrWaterCutOff == true || HealthInsuranceEnded == true;
}
