using Microsoft.AspNetCore.Mvc;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>
/// A handed-in file as a download, never shown in the browser: <c>Content-Disposition: attachment</c> with its name,
/// the content type checked when it was handed in, <c>X-Content-Type-Options: nosniff</c>, and kept in no cache.
/// </summary>
public static class AttachmentDownload
{
    public static IActionResult Of(AttachmentFile file, HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        return new FileContentResult(file.Content, file.Attachment.Type.ContentType) { FileDownloadName = file.Attachment.FileName };
    }
}
