using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Residents;

/// <summary>
/// A resident's reads of their own trajectories, found by the keyed hash of their BSN. Another
/// resident's trajectory is "not found", the same as one that does not exist.
/// </summary>
public sealed class ResidentReader(TrajectoryStore store, TimelinePredictor predictor, DefinitionLibrary library, HubIdentity hub, TimeProvider time)
{
    /// <summary>The audit activity of a resident reading their own data; it is logged, but not shown back to them as someone else's read.</summary>
    public const string OwnReadActivity = "inzien-door-bewoner";

    public Task<IReadOnlyList<TrajectoryRecord>> MineAsync(string subjectHash, CancellationToken cancellationToken) =>
        store.OfSubjectAsync(subjectHash, cancellationToken);

    public async Task<ResidentTrajectory?> ReadAsync(string id, string subjectHash, CancellationToken cancellationToken)
    {
        var trajectory = await store.FindAsync(id, cancellationToken);
        if (trajectory is null || trajectory.SubjectHash != subjectHash)
        {
            return null;
        }

        await store.RecordAsync(
            [new AuditEntry(time.GetUtcNow(), OwnReadActivity, hub.Oin, null, trajectory.Id, trajectory.SubjectCipher, "geslaagd")], cancellationToken);
        var definition = library.Get(trajectory.Definition);
        var history = await store.HistoryAsync(id, cancellationToken);
        var timeline = predictor.Predict(definition, history.Select(entry => entry.ToTimelineEntry()).ToList(), time.GetUtcNow().ToDutchDate());
        var task = definition.Phase(trajectory.Phase).ResidentTask;
        var dueOn = timeline.OpenDeadlines.FirstOrDefault(open => open.Deadline.Id == task?.DeadlineId)?.DueOn;
        var participants = await store.ParticipantsAsync(id, cancellationToken);
        var contact = ContactPerson.Of(participants);
        var processed = (await store.AuditOfTrajectoryAsync(id, cancellationToken))
            .Where(entry => entry.Activity is not (OwnReadActivity or Conversations.ConversationActivities.ResidentWrite))
            .OrderByDescending(entry => entry.At)
            .ToList();
        return new ResidentTrajectory(trajectory, definition, timeline, task, dueOn, contact, history, processed);
    }
}
