namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// What a municipality may set for its signals: how long signals at one address belong to one case (months), and
/// per municipality and DDAS partner type the arrears below which a signal is unjustified (none by default).
/// </summary>
public sealed record SignalSettings(int MatchingMonths, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Thresholds)
{
    public int? ThresholdFor(string municipality, string partnerType) =>
        Thresholds.TryGetValue(municipality, out var perType) && perType.TryGetValue(partnerType, out var threshold) ? threshold : null;
}
