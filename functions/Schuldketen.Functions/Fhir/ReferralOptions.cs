namespace Schuldketen.Functions.Fhir;

/// <summary>
/// Where GP referrals go when the GP names no municipality (section <c>Schuldketen:Referrals</c>):
/// postcode ranges per municipality, else each GP organisation's default municipality.
/// </summary>
public sealed class ReferralOptions
{
    public const string Section = "Schuldketen:Referrals";

    /// <summary>E.g. <c>Schuldketen__Referrals__PostcodeRanges__0__From=3500</c>, <c>__To=3585</c>, <c>__Municipality=&lt;OIN&gt;</c>.</summary>
    public List<PostcodeRangeOptions> PostcodeRanges { get; set; } = [];

    /// <summary>GP organisation OIN → municipality OIN.</summary>
    public Dictionary<string, string> DefaultMunicipalities { get; set; } = [];
}

public sealed class PostcodeRangeOptions
{
    public int From { get; set; }

    public int To { get; set; }

    public string Municipality { get; set; } = string.Empty;
}
