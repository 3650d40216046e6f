using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Schuldketen.Contracts;

namespace Schuldketen.Functions.Auth;

/// <summary>Signs tokens with the hub's own key, for the embedded default and its demo organisations.</summary>
public sealed class EmbeddedTokenIssuer(HubKeys keys, AuthOptions options, TimeProvider time)
{
    public SymmetricSecurityKey SigningKey { get; } = new(keys.TokenSigning) { KeyId = "schuldketen-embedded" };

    public string Issue(string organisation, PartnerRole role, string? person = null, string? name = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(Caller.OrganisationClaim, organisation), new(Caller.RoleClaim, role.WireName()) };
        if (person is not null)
        {
            claims.Add(new Claim(Caller.PersonClaim, person));
        }

        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromDays(30)),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
