namespace Schuldketen.Fhir.Tests;

/// <summary>The shared test hub with the referral routing every FHIR test counts on.</summary>
internal static class FhirHub
{
    public const string OtherPractice = "00000001008888888000";
    public const string ThirdMunicipality = "00000001006060606000";

    /// <summary>
    /// Referral routing of every test hub: postcodes 3500-3599 to <see cref="Organisations.Municipality"/>, 1000-1099 to
    /// <see cref="ThirdMunicipality"/>; the GP practice's default is <see cref="Organisations.OtherMunicipality"/>, the other practice has none.
    /// </summary>
    private static readonly Dictionary<string, string?> Routing = new()
    {
        ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "3500",
        ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "3599",
        ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = Organisations.Municipality,
        ["Schuldketen:Referrals:PostcodeRanges:1:From"] = "1000",
        ["Schuldketen:Referrals:PostcodeRanges:1:To"] = "1099",
        ["Schuldketen:Referrals:PostcodeRanges:1:Municipality"] = ThirdMunicipality,
        [$"Schuldketen:Referrals:DefaultMunicipalities:{Organisations.GeneralPractice}"] = Organisations.OtherMunicipality,
    };

    /// <summary>A hub as <see cref="HubServer.StartAsync"/> starts it, routing referrals as above; <paramref name="settings"/> win.</summary>
    public static Task<HubServer> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(Routing);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return HubServer.StartAsync(provider, configuration);
    }
}
