using Schuldketen.Contracts.Views;

namespace Schuldketen.Faults.Tests;

/// <summary>What a partner in the case handlers' audience should hear: the hub's CloudEvent id of every accepted event.</summary>
internal static class Expectations
{
    /// <summary>Ids as the hub makes them for its outbound events: trajectory, sequence and audience.</summary>
    public static IReadOnlySet<string> CaseHandlerIds(IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys, Ledger ledger, IReadOnlyDictionary<string, long> sequences) =>
        journeys.SelectMany(journey => journey)
            .Where(journeyEvent => ledger.IsAccepted(journeyEvent.Id))
            .Select(journeyEvent => $"{journeyEvent.Trajectory}-{sequences[journeyEvent.Id]}-{Audiences.CaseHandlers}")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Waits until every expected id arrived; the time it took.</summary>
    public static Task<TimeSpan> AllArrivedAsync(Func<IReadOnlyList<Arrival>> arrivals, IReadOnlySet<string> expected, TimeSpan timeout, string where) =>
        Poll.UntilAsync(() => DeliveryReport.Of(arrivals(), expected).Missing.Count == 0,
            $"all {expected.Count} expected events {where}", timeout, () => DeliveryReport.Of(arrivals(), expected).ToString());
}
