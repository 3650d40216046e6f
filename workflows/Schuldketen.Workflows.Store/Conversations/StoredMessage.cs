using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>
/// One message of a trajectory's conversation, opened: the resident's when <see cref="Organisation"/> is null, else written
/// by <see cref="Person"/> (called <see cref="Name"/>) of that organisation in <see cref="Role"/>; with the files handed in with it.
/// </summary>
public sealed record StoredMessage(
    long Id, string TrajectoryId, string? Organisation, string? Role, string? Person, string? Name, string Text, DateTimeOffset WrittenAt,
    IReadOnlyList<StoredAttachment> Attachments)
{
    public bool FromResident => Organisation is null;
}

/// <summary>A file handed in with a message: its name as sent, its type as checked from its content, its size in bytes and when.</summary>
public sealed record StoredAttachment(string Id, long MessageId, string FileName, AttachmentType Type, long Size, DateTimeOffset HandedInAt);

/// <summary>A file to hand in with a message, as it came from the form.</summary>
public sealed record NewAttachment(string FileName, byte[] Content);

/// <summary>An attachment's file, opened, to send to someone allowed to download it.</summary>
public sealed record AttachmentFile(StoredAttachment Attachment, byte[] Content);

/// <summary>
/// What became of a message on <see cref="Trajectory"/>: written (with its number), or refused, with what is wrong with
/// the text or the file in plain Dutch; <see cref="Closed"/> when the trajectory is closed and takes no messages anymore.
/// </summary>
public sealed record WriteResult(
    TrajectoryRecord Trajectory, StoredMessage? Message, string? TextProblem = null, string? FileProblem = null, bool Closed = false);
