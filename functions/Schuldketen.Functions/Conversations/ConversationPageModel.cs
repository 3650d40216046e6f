using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>
/// A trajectory's conversation as one side sees it: showing the messages, and writing one with a file. Each side says
/// who its reader is, how it names writers, where its pages live, and what follows a message it wrote.
/// </summary>
public abstract class ConversationPageModel(ConversationStore conversations, IOptions<ConversationOptions> options) : PageModel, IConversationPage
{
    [BindProperty]
    public ConversationForm Form { get; set; } = new();

    public string Id { get; private set; } = "";

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public bool Closed { get; private set; }

    public string? Text => Form.Text;

    public string? TextProblem { get; private set; }

    public string? FileProblem { get; private set; }

    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    /// <summary>The reader and writer on this side.</summary>
    protected abstract ConversationMember Member { get; }

    public abstract string WriterOf(StoredMessage message);

    public string DownloadLink(StoredAttachment attachment) => $"{TrajectoryPage(Id)}/bijlage/{attachment.Id}";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var result = await conversations.WriteAsync(id, Member, Form.Text, await Form.AttachmentAsync(cancellationToken),
            options.Value.MaxAttachmentBytes, RequestTrace.TraceParent, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Message is { } message)
        {
            TempData["Melding"] = await WrittenAsync(id, result, message, cancellationToken);
            return LocalRedirect($"{TrajectoryPage(id)}/gesprek");
        }

        TextProblem = result.TextProblem;
        FileProblem = result.FileProblem;
        return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The trajectory's page on this side, such as <c>/werkplek/traject/{id}</c>.</summary>
    protected abstract string TrajectoryPage(string id);

    /// <summary>What follows a message this side wrote (a log line, a notice); the answer is the confirmation shown.</summary>
    protected abstract Task<string> WrittenAsync(string id, WriteResult result, StoredMessage message, CancellationToken cancellationToken);

    /// <summary>What else this side shows of the conversation it read.</summary>
    protected virtual void Shown(Conversation conversation)
    {
    }

    private async Task<bool> ShowAsync(string id, CancellationToken cancellationToken)
    {
        if (await conversations.ReadAsync(id, Member, RequestTrace.TraceParent, cancellationToken) is not { } conversation)
        {
            return false;
        }

        Id = id;
        Messages = conversation.Messages;
        Closed = conversation.Closed;
        Shown(conversation);
        return true;
    }
}
