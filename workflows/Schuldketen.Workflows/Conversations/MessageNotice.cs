using Schuldketen.Workflows.Residents;

namespace Schuldketen.Workflows.Conversations;

/// <summary>
/// The notice a resident gets when their contact person wrote: who wrote and the start of the message, with every
/// number that passes the BSN 11-check hidden, since a notice may leave the hub by e-mail or SMS.
/// </summary>
public static class MessageNotice
{
    public const int ExcerptLength = 120;

    public static ResidentNotice For(string trajectoryId, long messageNumber, string writer, string text, bool hasAttachment, DateTimeOffset at)
    {
        // Hidden before it is cut short, so that no part of a BSN is left at the cut.
        var excerpt = BsnMask.Hide(text.Trim().ReplaceLineEndings(" "));
        excerpt = excerpt.Length > ExcerptLength ? $"{excerpt[..ExcerptLength]}…" : excerpt;
        var content = excerpt.Length > 0 ? $": \"{excerpt}\"" : hasAttachment ? " met een bestand." : ".";
        return new ResidentNotice(trajectoryId, messageNumber, NoticeKind.Message, $"Nieuw bericht van {writer}{content}", at);
    }
}
