namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// What the hub takes from a valid referral: whose request for help it is, where they live (the
/// postcode, to route it), whom the GP addressed, the GP's own identifier of the Task (to dedupe
/// retries), and when the GP made it.
/// </summary>
public sealed record ReferralRequest(
    Bsn Bsn,
    string? Postcode,
    string? Owner,
    TaskIdentifier? Identifier,
    DateTimeOffset? AuthoredOn);

/// <summary>The referrer's own identifier of its Task.</summary>
public sealed record TaskIdentifier(string? System, string Value)
{
    public override string ToString() => System is null ? Value : $"{System}|{Value}";
}
