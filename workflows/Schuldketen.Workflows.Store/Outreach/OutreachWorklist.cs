using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Workflows.Store.Outreach;

/// <summary>
/// A municipality's outreach worklist: its open outreach cases, those with a crisis signal first, then the oldest, then the
/// largest amount. The database orders and cuts the page; only the cases on it are read further: their contact attempts
/// and the phone number and address of their newest signal that still holds the resident's data. Each case shown is an
/// audited read, since the page discloses the resident's personal data.
/// </summary>
public sealed class OutreachWorklist(TrajectoryStore store, SignalProtector protector, TimeProvider time)
{
    public const string Activity = "werklijst-vroegsignalering-inzien";

    private const string OpenCases =
        "SELECT c.trajectory_id AS Id, c.opened_at AS OpenedAt, t.phase AS Phase, t.subject_cipher AS SubjectCipher, " +
        "COALESCE(MAX(s.crisis), 0) AS Crisis, CAST(COALESCE(SUM(s.amount), 0) AS BIGINT) AS Amount " +
        "FROM outreach_cases c JOIN trajectories t ON t.id = c.trajectory_id LEFT JOIN signals s ON s.case_id = c.trajectory_id " +
        "WHERE c.municipality = @municipality AND t.outcome IS NULL " +
        "GROUP BY c.trajectory_id, c.opened_at, t.phase, t.subject_cipher " +
        "ORDER BY COALESCE(MAX(s.crisis), 0) DESC, c.opened_at, CAST(COALESCE(SUM(s.amount), 0) AS BIGINT) DESC, c.trajectory_id " +
        "LIMIT @take OFFSET @skip";

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="reader"/>'s municipality's open outreach cases.</summary>
    public async Task<WorklistSlice> PageAsync(Sender reader, int page, int pageSize, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Id, long OpenedAt, string Phase, string? SubjectCipher, long Crisis, long Amount)>(OpenCases,
            new { municipality = reader.Organisation, take = pageSize + 1, skip = (long)(page - 1) * pageSize })).AsList();
        var shown = rows.Take(pageSize).ToList();
        var ids = shown.Select(row => row.Id).ToArray();
        var inIds = store.Provider == StoreProvider.PostgreSql ? "= ANY(@ids)" : "IN @ids";
        var attempts = (await connection.QueryAsync<(string TrajectoryId, string Data)>(
                $"SELECT trajectory_id, data FROM history WHERE trajectory_id {inIds} AND event_type = @type ORDER BY trajectory_id, sequence",
                new { ids, type = EventTypes.ContactAttempted }))
            .ToLookup(row => row.TrajectoryId, row => JsonSerializer.Deserialize<ContactAttempted>(row.Data, EventDataJson.Options)!, StringComparer.Ordinal);
        var residents = (await connection.QueryAsync<(string CaseId, string Cipher)>(
                $"SELECT case_id, personal_cipher FROM signals WHERE case_id {inIds} AND personal_cipher IS NOT NULL ORDER BY received_at DESC, import_line DESC",
                new { ids }))
            .DistinctBy(row => row.CaseId)
            .ToDictionary(row => row.CaseId, row => protector.Open(row.Cipher), StringComparer.Ordinal);

        var now = time.GetUtcNow();
        var trace = TraceContext.Parse(traceParent);
        await store.RecordAsync(
            shown.Select(row => new AuditEntry(now, Activity, reader.Organisation, reader.Person, row.Id, row.SubjectCipher, "geslaagd", trace?.TraceId, trace?.SpanId))
                .ToList(),
            cancellationToken);
        return new WorklistSlice(
            shown.Select(row => new WorklistCase(
                    row.Id,
                    row.Phase,
                    DateTimeOffset.FromUnixTimeMilliseconds(row.OpenedAt),
                    row.Crisis == 1,
                    row.Amount,
                    attempts[row.Id].ToList(),
                    residents.TryGetValue(row.Id, out var resident) ? new WorklistContact(resident.Phone, Address(resident)) : null))
                .ToList(),
            rows.Count > pageSize);
    }

    private static string Address(Schuldketen.Workflows.Signals.SignalResident resident)
    {
        var number = resident.Addition is { Length: > 0 } addition ? $"{resident.HouseNumber} {addition}" : resident.HouseNumber;
        var street = resident.Street is { Length: > 0 } name ? $"{name} {number}" : $"huisnummer {number}";
        return resident.Town is { Length: > 0 } town ? $"{street}, {resident.Postcode} {town}" : $"{street}, {resident.Postcode}";
    }
}

/// <summary>One page of the worklist and whether another follows.</summary>
public sealed record WorklistSlice(IReadOnlyList<WorklistCase> Cases, bool HasMore);

/// <summary>
/// An open outreach case as the worklist shows it: since when, whether a signal in it is a crisis, the total arrears of its
/// signals (whole euros), the contact attempts so far in order, and how to reach the resident (null once the data was deleted).
/// </summary>
public sealed record WorklistCase(
    string Id, string Phase, DateTimeOffset OpenedAt, bool Crisis, long Amount, IReadOnlyList<ContactAttempted> Attempts, WorklistContact? Contact);

/// <summary>The phone number (when the partner had one) and the address written out, from the newest signal.</summary>
public sealed record WorklistContact(string? Phone, string Address);
