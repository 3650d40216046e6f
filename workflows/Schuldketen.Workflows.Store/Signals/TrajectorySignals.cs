using System.Globalization;
using Dapper;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// The signals linked to a resident's open trajectory (they came in while it ran), for its case page: no personal data,
/// only who signalled, how much, when and whether it was a crisis. Read only after the case itself was read (and audited).
/// </summary>
public sealed class TrajectorySignals(TrajectoryStore store)
{
    public async Task<IReadOnlyList<LinkedSignal>> OfAsync(string trajectoryId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PartnerType, string PartnerName, long? Amount, string SignalledOn, long Crisis)>(
            "SELECT partner_type, partner_name, amount, signalled_on, crisis FROM signals WHERE trajectory_id = @trajectoryId ORDER BY signalled_on DESC, received_at DESC",
            new { trajectoryId });
        return rows.Select(row => new LinkedSignal(row.PartnerType, row.PartnerName, row.Amount,
                DateOnly.ParseExact(row.SignalledOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), row.Crisis == 1))
            .ToList();
    }
}

/// <summary>A signal on a trajectory: the partner's DDAS type and name, the arrears in whole euros (when given), the signal date, crisis or not.</summary>
public sealed record LinkedSignal(string PartnerType, string PartnerName, long? Amount, DateOnly SignalledOn, bool Crisis);
