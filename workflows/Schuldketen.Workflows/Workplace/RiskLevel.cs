namespace Schuldketen.Workflows.Workplace;

/// <summary>How close a trajectory is to missing a deadline; ordered from no risk to passed.</summary>
public enum RiskLevel
{
    None,
    Near,
    Passed,
}
