using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Schuldketen.Functions.Portal;

/// <summary>The start page: what this is, and the way in for residents and professionals.</summary>
public sealed class StartPage : PageModel
{
}
