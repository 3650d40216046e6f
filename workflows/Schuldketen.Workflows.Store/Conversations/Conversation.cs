using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>A trajectory's conversation as one member reads it: the messages oldest first; <see cref="Closed"/> when no new ones are taken.</summary>
public sealed record Conversation(
    TrajectoryRecord Trajectory, IReadOnlyList<StoredParticipant> Participants, IReadOnlyList<StoredMessage> Messages, bool Closed);
