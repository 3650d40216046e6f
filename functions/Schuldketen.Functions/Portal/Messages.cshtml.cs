using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Functions.Portal;

/// <summary>"Berichten": every notice the hub sent the resident, newest first.</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentMessagesPage(NoticeStore notices) : PageModel
{
    public IReadOnlyList<ResidentNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notices = await notices.InboxAsync(PageSchemes.SubjectOf(User)!, cancellationToken);
}
