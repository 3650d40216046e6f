namespace Schuldketen.Contracts.Fhir;

/// <summary>The code systems, naming systems and media type the GP referral speaks.</summary>
public static class FhirSystems
{
    public const string MediaType = "application/fhir+json";
    public const string Bsn = "http://fhir.nl/fhir/NamingSystem/bsn";

    /// <summary>Organisations by their OIN (Logius' Organisatie-identificatienummer).</summary>
    public const string Oin = "urn:nld:oin";

    public const string SdohTemporaryCodes = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
    public const string FinancialInsecurity = "financial-insecurity";
    public const string TaskCode = "http://hl7.org/fhir/CodeSystem/task-code";

    /// <summary>The hub's own codes for what a referrer may learn of a closed referral.</summary>
    public const string ReferralResult = "urn:schuldketen:verwijzing-resultaat";
}
