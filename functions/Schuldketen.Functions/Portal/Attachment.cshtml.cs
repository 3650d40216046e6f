using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Conversations;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Portal;

/// <summary>A file in the resident's conversation, as a download; anyone else's is "not found".</summary>
[Authorize(Policy = PageSchemes.ResidentPolicy)]
public sealed class ResidentAttachmentPage(ConversationStore conversations) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string attachment, CancellationToken cancellationToken) =>
        await conversations.DownloadAsync(id, attachment, new ConversationMember.Resident(PageSchemes.SubjectOf(User)!), RequestTrace.TraceParent,
            cancellationToken) is { } file
            ? AttachmentDownload.Of(file, Response)
            : NotFound();
}
