namespace Schuldketen.Functions.Auth;

/// <summary>
/// Who issues the tokens the hub accepts (section <c>Schuldketen:Auth</c>). With <see cref="Authority"/> set, the signing
/// keys come from its OpenID Connect metadata; without it the hub signs its own tokens (embedded default).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Schuldketen:Auth";

    public string? Authority { get; set; }

    public string Issuer { get; set; } = "schuldketen-embedded";

    public string Audience { get; set; } = "schuldketen";
}
