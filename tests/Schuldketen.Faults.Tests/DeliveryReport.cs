namespace Schuldketen.Faults.Tests;

/// <summary>
/// What a partner received against what it should have: ids missing, duplicates, and per trajectory the
/// places where, after removing duplicates by id (first arrival counts), a sequence came after a higher one.
/// </summary>
internal sealed record DeliveryReport(int Arrivals, int Distinct, IReadOnlyList<string> Missing, IReadOnlyList<string> OutOfOrder)
{
    public int Duplicates => Arrivals - Distinct;

    public static DeliveryReport Of(IReadOnlyList<Arrival> arrivals, IReadOnlySet<string> expected)
    {
        var firsts = arrivals.DistinctBy(arrival => arrival.Id).ToList();
        var outOfOrder = new List<string>();
        foreach (var trajectory in firsts.GroupBy(arrival => arrival.Subject))
        {
            long previous = long.MinValue;
            foreach (var arrival in trajectory)
            {
                if (arrival.Sequence <= previous)
                {
                    outOfOrder.Add($"{trajectory.Key}: sequence {arrival.Sequence} after {previous}");
                }

                previous = Math.Max(previous, arrival.Sequence);
            }
        }

        var received = firsts.Select(arrival => arrival.Id).ToHashSet(StringComparer.Ordinal);
        return new DeliveryReport(arrivals.Count, firsts.Count, expected.Where(id => !received.Contains(id)).Order(StringComparer.Ordinal).ToList(), outOfOrder);
    }

    public override string ToString() =>
        $"{Arrivals} arrivals, {Distinct} distinct, {Duplicates} duplicates, {Missing.Count} missing (first: {string.Join(", ", Missing.Take(5))}), " +
        $"{OutOfOrder.Count} out of order (first: {string.Join("; ", OutOfOrder.Take(5))})";
}
