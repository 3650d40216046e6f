using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Portal;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// A professional logs in: with their organisation's OpenID Connect provider when configured, else, only with the
/// demo on, as a demo counsellor.
/// </summary>
public sealed class StaffLoginPage(IOptions<PortalOptions> options, IOptions<DemoOptions> demo) : PageModel
{
    /// <summary>The demo professionals to choose from: none unless the demo is on.</summary>
    public IReadOnlyList<DemoStaffMember> Staff => demo.Value.DemoData ? DemoStaff.All : [];

    public IActionResult OnGet() =>
        options.Value.Staff is null
            ? Page()
            : Challenge(new AuthenticationProperties { RedirectUri = "/werkplek" }, PageSchemes.StaffOidc);

    public async Task<IActionResult> OnPostAsync([FromForm] int member)
    {
        if (options.Value.Staff is not null || member < 0 || member >= Staff.Count)
        {
            return NotFound();
        }

        var chosen = Staff[member];
        await HttpContext.SignInAsync(PageSchemes.Staff, PageSchemes.StaffPrincipal(
            chosen.Organisation.Oin, chosen.Organisation.Role, chosen.Person.Id, chosen.Person.Name, PageSchemes.Staff));
        return LocalRedirect("/werkplek");
    }
}
