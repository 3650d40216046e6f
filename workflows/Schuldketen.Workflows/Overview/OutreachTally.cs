using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Workflows.Overview;

/// <summary>
/// Keeps the outreach funnel's counters one applied event at a time: signals, cases, cases reached, cases
/// that ended in accepted help, and per contact kind the cases that tried it and of those the cases reached
/// (by any attempt, as the Divosa monitor counts reach). Outreach cases count here only, never in the Wgs
/// funnel, waits or deadlines. What a case needs remembered (the kinds tried, whether it was reached) is kept
/// as markers in <see cref="TallyState.Reached"/>.
/// </summary>
public static class OutreachTally
{
    public const string Signals = "outreach-signals";
    public const string Cases = "outreach-cases";
    public const string Reached = "outreach-reached";
    public const string HelpAccepted = "outreach-help";

    /// <summary>Cases that made at least one attempt of a kind; key the DDAS contact kind.</summary>
    public const string Tried = "outreach-tried";

    /// <summary>Of the cases that tried a kind, those reached; key the DDAS contact kind.</summary>
    public const string TriedReached = "outreach-tried-reached";

    private const string ReachedMarker = "bereikt";
    private const string KindMarker = "soort:";

    public static TallyState Register(string municipality, TrajectoryDefinition definition, HistoryEntry first, TallyDeltas deltas)
    {
        deltas.Add(municipality, Cases, "", 1);
        return new TallyState(municipality, definition.Key, first.Phase, first.OccurredAt.ToDutchDate(), new HashSet<string>(StringComparer.Ordinal), null,
            new Dictionary<string, DateOnly>(StringComparer.Ordinal), 0, 0);
    }

    public static TallyState Apply(TallyState state, HistoryEntry entry, string data, string? outcome, TallyDeltas deltas)
    {
        var municipality = state.Municipality;
        var markers = new HashSet<string>(state.Reached, StringComparer.Ordinal);
        switch (entry.EventType)
        {
            case EventTypes.SignalJoined:
                deltas.Add(municipality, Signals, "", 1);
                break;
            case EventTypes.ContactAttempted:
                var attempt = JsonSerializer.Deserialize<ContactAttempted>(data, EventDataJson.Options)!;
                var kind = EnumWireNames.Of(attempt.Kind);
                if (markers.Add(KindMarker + kind))
                {
                    deltas.Add(municipality, Tried, kind, 1);
                    if (markers.Contains(ReachedMarker))
                    {
                        deltas.Add(municipality, TriedReached, kind, 1);
                    }
                }

                if (attempt.Reached && markers.Add(ReachedMarker))
                {
                    deltas.Add(municipality, Reached, "", 1);
                    foreach (var tried in markers.Where(marker => marker.StartsWith(KindMarker, StringComparison.Ordinal)))
                    {
                        deltas.Add(municipality, TriedReached, tried[KindMarker.Length..], 1);
                    }
                }

                break;
            case EventTypes.OutreachClosed when EndResults.OfOutcome(outcome) is { HelpAccepted: true }:
                deltas.Add(municipality, HelpAccepted, "", 1);
                break;
        }

        return state with
        {
            Phase = entry.Phase,
            PhaseEnteredOn = entry.Phase != state.Phase ? entry.OccurredAt.ToDutchDate() : state.PhaseEnteredOn,
            Reached = markers,
        };
    }
}

/// <summary>The outreach funnel: signals → cases → reached → help accepted, and reach per contact kind.</summary>
public sealed record OutreachFunnel(int Signals, int Cases, int Reached, int HelpAccepted, IReadOnlyList<ContactReach> PerKind)
{
    public static OutreachFunnel None { get; } = new(0, 0, 0, 0, []);
}

/// <summary>Of the cases that tried a contact kind at least once, how many were reached (by any attempt).</summary>
public sealed record ContactReach(string Kind, int Cases, int Reached)
{
    /// <summary>The share reached, as a whole percentage rounded down; null when no case tried it.</summary>
    public int? PercentReached => Cases == 0 ? null : Reached * 100 / Cases;
}
