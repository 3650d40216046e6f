using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// How people log in to the pages (section <c>Schuldketen:Portal</c>). With <see cref="Residents"/> or <see cref="Staff"/>
/// set, that login goes to an OpenID Connect provider (for residents: DigiD through a broker); without, and only with
/// the demo on (the embedded default), a resident or a professional chooses a demo person.
/// </summary>
public sealed class PortalOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Portal";

    public OidcLogin? Residents { get; set; }

    public OidcLogin? Staff { get; set; }

    /// <summary>How often the notice function looks for changes residents should hear of.</summary>
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems()
    {
        if (NoticeInterval <= TimeSpan.Zero)
        {
            yield return $"Schuldketen__Portal__NoticeInterval is {NoticeInterval}: set it to a positive time span such as 00:00:10 (the default).";
        }

        foreach (var (name, login) in new[] { (nameof(Residents), Residents), (nameof(Staff), Staff) })
        {
            if (login is null)
            {
                continue;
            }

            if (!Uri.TryCreate(login.Authority, UriKind.Absolute, out _))
            {
                yield return $"Schuldketen__Portal__{name}__Authority is '{login.Authority}', not an absolute URI: give the identity provider's address.";
            }

            if (string.IsNullOrWhiteSpace(login.ClientId))
            {
                yield return $"Schuldketen__Portal__{name}__ClientId is empty: give the hub's client id at that identity provider.";
            }
        }
    }
}

/// <summary>An OpenID Connect client registration at an identity provider.</summary>
public sealed class OidcLogin
{
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>Residents only: the claim that carries the BSN (DigiD brokers often use <c>bsn</c> or a <c>sub</c> of the form <c>s00000000:...</c>).</summary>
    public string BsnClaim { get; set; } = "bsn";

    public List<string> Scopes { get; set; } = ["openid"];
}
