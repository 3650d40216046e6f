using System.Security.Claims;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Auth;

/// <summary>
/// Who is calling: the organisation (OIN) and its role from the token, and for people also their
/// own subject id, so that actions and audit name the person.
/// </summary>
public sealed record Caller(string Organisation, PartnerRole Role, string? Person)
{
    public const string OrganisationClaim = "oin";
    public const string RoleClaim = "role";
    public const string PersonClaim = "sub";

    public Sender AsSender() => new(Organisation, Role, Person);

    public static Caller? From(ClaimsPrincipal principal) =>
        principal.FindFirst(OrganisationClaim)?.Value is { Length: 20 } organisation
        && principal.FindFirst(RoleClaim)?.Value is { } roleName
        && PartnerRoles.TryParse(roleName, out var role)
        && role != PartnerRole.Hub
            ? new Caller(organisation, role, principal.FindFirst(PersonClaim)?.Value)
            : null;
}
