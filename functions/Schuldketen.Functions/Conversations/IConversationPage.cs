using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>What the shared conversation partial (<c>Shared/_Conversation.cshtml</c>) needs of the resident's and the professional's page.</summary>
public interface IConversationPage
{
    IReadOnlyList<StoredMessage> Messages { get; }

    bool Closed { get; }

    /// <summary>The text of a message that was refused, shown again so nothing typed is lost.</summary>
    string? Text { get; }

    string? TextProblem { get; }

    string? FileProblem { get; }

    long MaxAttachmentBytes { get; }

    /// <summary>Who wrote a message, as the reader of this page calls them.</summary>
    string WriterOf(StoredMessage message);

    string DownloadLink(StoredAttachment attachment);
}
