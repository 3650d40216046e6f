using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Auth;

/// <summary>
/// Who issues the tokens the hub accepts (section <c>Schuldketen:Auth</c>). With <see cref="Authority"/> set, the signing
/// keys come from its OpenID Connect metadata; without it the hub signs its own tokens (embedded default).
/// </summary>
public sealed class AuthOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Auth";

    public string? Authority { get; set; }

    public string Issuer { get; set; } = "schuldketen-embedded";

    public string Audience { get; set; } = "schuldketen";

    public IEnumerable<string> Problems()
    {
        if (Authority is not null && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return $"Schuldketen__Auth__Authority is '{Authority}', not an absolute URI: give the identity provider's address, such as https://login.example.nl/realms/schuldketen.";
        }

        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return "Schuldketen__Auth__Issuer is empty: set it to the issuer (iss) of the tokens the hub accepts.";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Schuldketen__Auth__Audience is empty: set it to the audience (aud) the tokens name for the hub.";
        }
    }
}
