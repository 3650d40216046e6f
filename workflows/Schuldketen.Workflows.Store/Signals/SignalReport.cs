using Dapper;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Projections;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// What a signal partner that is not connected may learn of its signals to one municipality, to load back into the
/// platform they came from: per signal its own id, when it was signalled and its DDAS signal status. A repeated or
/// unjustified signal shows that status; one in a case what the case lets a partner learn (the audience projection).
/// </summary>
public sealed class SignalReport(TrajectoryStore store, AudienceProjector projector)
{
    public async IAsyncEnumerable<ReportedSignal> OfPartnerAsync(string municipality, string partnerType, string partnerName)
    {
        await using var connection = await store.Dialect.OpenAsync(default);
        var rows = (await connection.QueryAsync<ReportRow>(
            "SELECT partner_signal AS PartnerSignal, partner_type AS PartnerType, partner_name AS PartnerName, signalled_on AS SignalledOn, " +
            "status AS Status, case_id AS CaseId FROM signals WHERE municipality = @municipality AND partner_oin IS NULL AND partner_type = @partnerType " +
            "AND partner_name = @partnerName AND deleted_at IS NULL ORDER BY received_at, import_line",
            new { municipality, partnerType, partnerName })).AsList();
        var caseStatus = new Dictionary<string, SignalStatus>();
        foreach (var row in rows)
        {
            var status = row.Status;
            if (row.CaseId is { } caseId)
            {
                if (!caseStatus.TryGetValue(caseId, out var learned))
                {
                    var trajectory = await store.FindAsync(caseId) ?? throw new InvalidOperationException($"Signal case '{caseId}' does not exist.");
                    learned = ((SignalPartnerView)projector.StatusFor(Audiences.SignalPartners, trajectory)).Status;
                    caseStatus[caseId] = learned;
                }

                status = Schuldketen.Workflows.Signals.SignalPartnerTypes.WireName(learned);
            }

            yield return new ReportedSignal(row.PartnerSignal ?? string.Empty, row.PartnerType, row.PartnerName, row.SignalledOn, status);
        }
    }

    private sealed record ReportRow(string? PartnerSignal, string PartnerType, string PartnerName, string SignalledOn, string Status, string? CaseId);
}

/// <summary>One line of the report back: DDAS names, the partner's own signal id.</summary>
public sealed record ReportedSignal(string Id, string PartnerType, string PartnerName, string SignalledOn, string Status);
