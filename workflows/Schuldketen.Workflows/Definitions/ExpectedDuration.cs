using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// How long a phase is expected to last, and on what that expectation rests: the routes ahead date each phase's end by it.
/// Unlike a deadline it is no clock: nothing is raised when it passes.
/// </summary>
public sealed record ExpectedDuration(TermLength Length, EstimateBasis Basis, string Reference, int Line);

public enum EstimateBasis
{
    /// <summary><c>wet</c>: the law sets the length, such as the 18 months of the WSNP.</summary>
    Law,

    /// <summary><c>richtlijn</c>: a sector norm, such as NVVK's 18 months of repayment.</summary>
    Guideline,

    /// <summary><c>beleid</c>: the municipality's own policy.</summary>
    Policy,

    /// <summary><c>ervaring</c>: what it usually takes in practice; an estimate, not a rule.</summary>
    Experience,
}

public static class EstimateBases
{
    public static string WireName(this EstimateBasis basis) => basis switch
    {
        EstimateBasis.Law => "wet",
        EstimateBasis.Guideline => "richtlijn",
        EstimateBasis.Policy => "beleid",
        _ => "ervaring",
    };
}
