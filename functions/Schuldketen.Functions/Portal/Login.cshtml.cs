using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// A resident logs in: with OpenID Connect (DigiD through a broker) when configured, else, only with the demo on, by
/// choosing a demo resident. The hub looks them up by the keyed hash of their BSN; the BSN never reaches the page.
/// </summary>
public sealed class ResidentLoginPage(IOptions<PortalOptions> options, IOptions<DemoOptions> demo, SubjectProtector protector) : PageModel
{
    /// <summary>The demo residents to choose from: none unless the demo is on.</summary>
    public IReadOnlyList<DemoResident> Residents => demo.Value.DemoData ? DemoResidents.All : [];

    public IActionResult OnGet() =>
        options.Value.Residents is null
            ? Page()
            : Challenge(new AuthenticationProperties { RedirectUri = "/mijn-schuldhulp" }, PageSchemes.ResidentOidc);

    public async Task<IActionResult> OnPostAsync([FromForm] int resident)
    {
        if (options.Value.Residents is not null || resident < 0 || resident >= Residents.Count)
        {
            return NotFound();
        }

        var chosen = Residents[resident];
        var bsn = DemoSeed.ResidentBsn(chosen.Index);
        await HttpContext.SignInAsync(PageSchemes.Resident,
            PageSchemes.ResidentPrincipal(protector.Hash(bsn), protector.Encrypt(bsn), chosen.Name, PageSchemes.Resident));
        return LocalRedirect("/mijn-schuldhulp");
    }
}
