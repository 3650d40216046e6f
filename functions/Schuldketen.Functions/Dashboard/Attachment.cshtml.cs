using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Dashboard;

/// <summary>A file of a case's conversation, as a download for a professional of an organisation that handles the case; for any other it is "not found".</summary>
[Authorize(Policy = PageSchemes.StaffPolicy)]
public sealed class StaffAttachmentPage(ConversationStore conversations) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string attachment, CancellationToken cancellationToken) =>
        await conversations.DownloadAsync(id, attachment, StaffMember.Of(User), RequestTrace.TraceParent, cancellationToken) is { } file
            ? AttachmentDownload.Of(file, Response)
            : NotFound();
}
