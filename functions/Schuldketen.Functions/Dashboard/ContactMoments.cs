using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Registrations;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// What the case page shows of a trajectory's contact with the resident. Read only after the case itself was read (and
/// audited) for the same professional, so it adds no access of its own.
/// </summary>
public sealed class ContactMoments(TrajectoryStore store, SelfRegistrationStore registrations)
{
    public async Task<CaseContacts?> OfAsync(string trajectoryId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(trajectoryId, cancellationToken) is not { } trajectory)
        {
            return null;
        }

        var moments = (await store.HistoryAsync(trajectoryId, cancellationToken))
            .Where(entry => entry.EventType == EventTypes.ContactMomentRecorded)
            .Select(entry => (Entry: entry, Data: JsonSerializer.Deserialize<ContactMomentRecorded>(entry.Data, EventDataJson.Options)!))
            .Select(moment => new ContactMomentLine(moment.Data.At, moment.Data.Channel, moment.Data.Subject, moment.Data.Reached, moment.Entry.ActorOrganisation))
            .Reverse()
            .ToList();
        return new CaseContacts(trajectory.Channel, await registrations.FindAsync(trajectoryId, cancellationToken), moments);
    }
}

/// <summary>The channel a trajectory came in by, the resident's own answers if they registered at <c>/aanmelden</c>, and its contact moments, newest first.</summary>
public sealed record CaseContacts(Channel Channel, SelfRegistrationAnswers? Answers, IReadOnlyList<ContactMomentLine> Moments);

public sealed record ContactMomentLine(DateTimeOffset At, Channel Channel, string Subject, bool Reached, string Organisation);
