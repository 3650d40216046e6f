using System.Security.Claims;
using Schuldketen.Contracts;

namespace Schuldketen.Functions.Auth;

/// <summary>
/// The cookie logins of the web pages, kept apart from the API's bearer tokens: one for residents,
/// one for professionals. A resident's cookie holds the keyed hash of their BSN and its ciphertext (for a registration
/// through <c>/aanmelden</c>), never the BSN.
/// </summary>
public static class PageSchemes
{
    public const string Resident = "Bewoner";
    public const string Staff = "Medewerker";
    public const string ResidentOidc = "BewonerOidc";
    public const string StaffOidc = "MedewerkerOidc";
    public const string ResidentPolicy = "bewoner";
    public const string StaffPolicy = "medewerker";
    public const string SubjectClaim = "subject_hash";
    public const string SubjectCipherClaim = "subject_cipher";
    public const string NameClaim = "name";

    public static ClaimsPrincipal ResidentPrincipal(string subjectHash, string subjectCipher, string name, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(SubjectClaim, subjectHash), new Claim(SubjectCipherClaim, subjectCipher), new Claim(NameClaim, name)], scheme, NameClaim, null));

    public static ClaimsPrincipal StaffPrincipal(string organisation, PartnerRole role, string person, string name, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(Caller.OrganisationClaim, organisation), new Claim(Caller.RoleClaim, role.WireName()), new Claim(Caller.PersonClaim, person),
                new Claim(NameClaim, name)],
            scheme, NameClaim, Caller.RoleClaim));

    public static string? SubjectOf(ClaimsPrincipal user) => user.FindFirst(SubjectClaim)?.Value;

    public static string? SubjectCipherOf(ClaimsPrincipal user) => user.FindFirst(SubjectCipherClaim)?.Value;

    /// <summary>Professionals who handle cases: the municipality and the debt counsellors.</summary>
    public static Caller? StaffOf(ClaimsPrincipal user) =>
        Caller.From(user) is { Person: not null, Role: PartnerRole.Municipality or PartnerRole.DebtCounsellor } caller ? caller : null;
}
