using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;

namespace Schuldketen.Functions.Portal;

/// <summary>Ends the page login of a resident or a professional.</summary>
public sealed class LogoutPage : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PageSchemes.Resident);
        await HttpContext.SignOutAsync(PageSchemes.Staff);
        return LocalRedirect("/");
    }
}
