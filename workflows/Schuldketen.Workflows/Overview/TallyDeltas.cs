using System.Globalization;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Overview;

/// <summary>Changes to a municipality's counters, summed per counter, so a batch of events writes each counter once.</summary>
public sealed class TallyDeltas
{
    private readonly Dictionary<(string Municipality, string Kind, string Key), long> changes = [];

    public void Add(string municipality, string kind, string key, long delta)
    {
        if (delta != 0)
        {
            changes[(municipality, kind, key)] = changes.GetValueOrDefault((municipality, kind, key)) + delta;
        }
    }

    /// <summary>The counters that changed, in one fixed order, so concurrent writers take their row locks in the same order.</summary>
    public IReadOnlyList<(string Municipality, string Kind, string Key, long Delta)> Changed() =>
        changes.Where(change => change.Value != 0)
            .Select(change => (change.Key.Municipality, change.Key.Kind, change.Key.Key, change.Value))
            .OrderBy(change => change.Municipality, StringComparer.Ordinal)
            .ThenBy(change => change.Kind, StringComparer.Ordinal)
            .ThenBy(change => change.Key, StringComparer.Ordinal)
            .ToList();
}

/// <summary>The counters of a municipality's overview.</summary>
public static class TallyKind
{
    public const string Trajectories = "trajectories";

    /// <summary>Trajectories per definition version; key <see cref="TallyKeys.Of(DefinitionKey)"/>.</summary>
    public const string Definition = "definition";

    /// <summary>Trajectories that ever were in a phase; key the phase.</summary>
    public const string Reached = "reached";

    /// <summary>Trajectories with outcome <c>uitval</c>, at the phase they were in before the closing event; key the phase.</summary>
    public const string DroppedOut = "dropped-out";

    /// <summary>Finished stays per phase and length in days; key <see cref="TallyKeys.Of(string, int)"/>.</summary>
    public const string Stay = "stay";

    public const string Met = "met";

    public const string Missed = "missed";

    /// <summary>Statutory clocks running, per due date; key the ISO date.</summary>
    public const string RunningDue = "running-due";

    /// <summary>Trajectories registered per channel; key the channel's wire name.</summary>
    public const string ChannelRegistrations = "channel-registrations";

    /// <summary>Trajectories with outcome <c>uitval</c> before their first conversation, per channel; key the channel's wire name.</summary>
    public const string ChannelDroppedEarly = "channel-dropped-early";

    /// <summary>First conversations per channel and days since registration; key <see cref="TallyKeys.Of(string, int)"/> with the channel.</summary>
    public const string ChannelFirstConversation = "channel-first-conversation";
}

/// <summary>How counter keys are written and read back.</summary>
public static class TallyKeys
{
    public static string Of(DefinitionKey definition) => $"{definition.Id} {definition.Version.ToString(CultureInfo.InvariantCulture)}";

    public static string Of(string phase, int days) => $"{phase} {days.ToString(CultureInfo.InvariantCulture)}";

    public static string Of(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    public static DefinitionKey DefinitionOf(string key) =>
        new(key[..key.LastIndexOf(' ')], int.Parse(key[(key.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public static (string Phase, int Days) StayOf(string key) =>
        (key[..key.LastIndexOf(' ')], int.Parse(key[(key.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
