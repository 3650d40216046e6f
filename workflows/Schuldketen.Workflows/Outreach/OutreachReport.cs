using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Ddas.Report;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Outreach;

/// <summary>
/// A municipality's early warning over a period, in DDAS's exchange model for CBS: every case that was open on
/// at least one day of the period, with all its signals, contact attempts and, once closed, its end result. Dates
/// are Dutch calendar dates. A signal's status is what its partner may learn: the case's outcome once closed,
/// "Opgepakt" once the municipality tried to reach the resident, else the status it arrived with.
/// </summary>
public static class OutreachReport
{
    public static DdasDelivery Build(
        ReportPeriod period, DateTimeOffset deliveredAt, string supplierCode, string municipalityCode,
        IEnumerable<OutreachCaseRecord> cases, IReadOnlyDictionary<string, DdasClient> clients)
    {
        var signals = new List<DdasSignal>();
        var reported = new List<DdasCase>();
        foreach (var outreach in cases.OrderBy(outreach => outreach.OpenedAt).ThenBy(outreach => outreach.TrajectoryId, StringComparer.Ordinal))
        {
            if (!IsReported(outreach, period))
            {
                continue;
            }

            var joined = Data<SignalJoined>(outreach, EventTypes.SignalJoined).ToList();
            var attempts = Data<ContactAttempted>(outreach, EventTypes.ContactAttempted).ToList();
            var closed = Closing(outreach) is { } closing ? Read<OutreachClosed>(closing) : null;

            signals.AddRange(joined.Select(signal => new DdasSignal(
                signal.SignalId, signal.Crisis, signal.WarmHandover, signal.Amount, signal.ArisenOn, signal.SignalledOn,
                StatusOf(signal, closed, attempts.Count > 0),
                new DdasSignalPartner(signal.PartnerType, signal.PartnerName),
                clients.GetValueOrDefault(signal.SignalId, DdasClient.Deleted))));
            reported.Add(new DdasCase(
                municipalityCode,
                outreach.OpenedAt.ToDutchDate(),
                outreach.OpenedAt.ToDutchDate(),
                outreach.MatchingPeriodEndsAt.ToDutchDate(),
                attempts.Count > 0 ? attempts.Min(attempt => attempt.Date) : null,
                closed is null ? null : CbsEndResults.For(closed.EndResult),
                joined.Select(signal => new DdasSignalReference(signal.SignalId)).DistinctBy(reference => reference.Id).ToList(),
                attempts.Select(attempt => new DdasContactAttempt(attempt.Kind, attempt.Reached, attempt.Date, attempt.DayPart)).ToList()));
        }

        return new DdasDelivery(period.From, period.To, deliveredAt, supplierCode, signals.DistinctBy(signal => signal.Id).ToList(), reported);
    }

    /// <summary>Whether the case belongs in the period's delivery: it has a signal, and was open on at least one day of the period.</summary>
    public static bool IsReported(OutreachCaseRecord outreach, ReportPeriod period) =>
        outreach.History.Any(entry => entry.EventType == EventTypes.SignalJoined)
        && outreach.OpenedAt.ToDutchDate() <= period.To
        && (Closing(outreach) is not { } closing || closing.OccurredAt.ToDutchDate() >= period.From);

    private static StoredHistoryEntry? Closing(OutreachCaseRecord outreach) => outreach.History.LastOrDefault(entry => entry.EventType == EventTypes.OutreachClosed);

    private static SignalStatus StatusOf(SignalJoined signal, OutreachClosed? closed, bool attempted) =>
        signal.Status is SignalStatus.Repeated or SignalStatus.Unjustified ? signal.Status
        : closed is not null ? EndResults.Of(closed.EndResult).PartnerLearns
        : attempted ? SignalStatus.PickedUp
        : signal.Status;

    private static IEnumerable<T> Data<T>(OutreachCaseRecord outreach, string eventType) =>
        outreach.History.Where(entry => entry.EventType == eventType).Select(Read<T>);

    private static T Read<T>(StoredHistoryEntry entry) =>
        JsonSerializer.Deserialize<T>(entry.Data, EventDataJson.Options)
        ?? throw new InvalidOperationException($"History entry {entry.Sequence} ({entry.EventType}) has no data.");
}
