using Microsoft.AspNetCore.Http.HttpResults;
using Schuldketen.Functions.Problems;

namespace Schuldketen.Functions.Auth;

/// <summary>Refusals that depend on who is calling.</summary>
public static class CallerProblems
{
    /// <summary>A valid token without the organisation and role the hub needs.</summary>
    public static ProblemHttpResult Unknown() =>
        HubProblems.Create(StatusCodes.Status403Forbidden, "token-zonder-organisatie", "Token lacks organisation",
            "The token must carry your organisation's OIN (claim 'oin', 20 digits) and its role in the chain (claim 'role').");

    public static ProblemHttpResult RoleMayNot(string what, string roles) =>
        HubProblems.Create(StatusCodes.Status403Forbidden, "rol-niet-toegestaan", "Role not permitted",
            $"Only {roles} may {what}.");
}
