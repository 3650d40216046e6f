using Dapper;
using Schuldketen.Contracts.Ddas.Report;
using Schuldketen.Workflows.Outreach;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>
/// A municipality's DDAS delivery for CBS over a period: its outreach cases open during the period, the residents of
/// their signals unsealed (CBS receives them), and one audit entry per case, since the delivery discloses each
/// resident's personal data.
/// </summary>
public sealed class DdasReporter(TrajectoryStore store, OutreachCaseReader cases, SignalProtector protector, TimeProvider time)
{
    public async Task<DdasDelivery> ReadAsync(
        Sender caller, DdasDeliverer deliverer, ReportPeriod period, string? traceParent, CancellationToken cancellationToken)
    {
        var open = await cases.OpenDuringAsync(caller.Organisation, period, cancellationToken);
        var now = time.GetUtcNow();
        var delivery = OutreachReport.Build(period, now, deliverer.SupplierCode, deliverer.MunicipalityCode, open, await ClientsAsync(open, cancellationToken));
        var trace = TraceContext.Parse(traceParent);
        await store.RecordAsync(
            open.Where(outreach => OutreachReport.IsReported(outreach, period)).Select(outreach => new AuditEntry(now, "rapportage-cbs", caller.Organisation, caller.Person, outreach.TrajectoryId, outreach.SubjectCipher,
                "geslaagd", trace?.TraceId, trace?.SpanId)).ToList(),
            cancellationToken);
        return delivery;
    }

    private async Task<Dictionary<string, DdasClient>> ClientsAsync(IReadOnlyList<OutreachCaseRecord> open, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var sealedResidents = await connection.QueryAsync<(string Id, string Cipher)>(
            $"SELECT id, personal_cipher FROM signals WHERE case_id {store.Dialect.AnyOf("@ids")} AND personal_cipher IS NOT NULL",
            new { ids = open.Select(outreach => outreach.TrajectoryId).ToArray() });
        return sealedResidents.ToDictionary(row => row.Id, row => Client(protector.Open(row.Cipher)), StringComparer.Ordinal);
    }

    /// <summary>Schema v0.1 has no Voorvoegsel, so the prefix stays with the surname, as a letter would write it.</summary>
    private static DdasClient Client(SignalResident resident) => new(
        resident.Bsn,
        resident.Initials,
        resident.Prefix is { Length: > 0 } prefix ? $"{prefix} {resident.Surname}" : resident.Surname,
        resident.BirthDate,
        resident.Street,
        resident.Postcode,
        resident.HouseNumber,
        resident.Addition,
        resident.Town);
}

/// <summary>Who delivers: the supplier code CBS knows the hub's operator by, and the municipality's CBS gemeentecode.</summary>
public sealed record DdasDeliverer(string SupplierCode, string MunicipalityCode);
