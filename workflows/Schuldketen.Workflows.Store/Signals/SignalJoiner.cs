using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// Puts an import's stored signals in their household's outreach case (opened by the first, joined by later ones within
/// the matching period), except repeated and unjustified signals, which change nothing. It takes every signal of the import
/// not yet in a case, so a run that stopped between storing and joining joins on the next; <see cref="OutreachCases"/>
/// makes a second try open no second case. Households are joined side by side, one household's signals in order.
/// </summary>
public sealed class SignalJoiner(TrajectoryStore store, OutreachCases cases, SignalProtector protector, SubjectProtector subjects, SignalSettings settings)
{
    private const int Households = 32;

    public async Task JoinPendingAsync(string importId, string? traceParent, CancellationToken cancellationToken)
    {
        List<PendingSignal> pending;
        await using (var connection = await store.Dialect.OpenAsync(cancellationToken))
        {
            pending = (await connection.QueryAsync<PendingSignal>(
                "SELECT id AS Id, municipality AS Municipality, household_hash AS HouseholdHash, partner_type AS PartnerType, partner_name AS PartnerName, " +
                "partner_oin AS PartnerOin, amount AS Amount, arose_on AS AroseOn, signalled_on AS SignalledOn, crisis AS Crisis, warm_handover AS WarmHandover, " +
                "personal_cipher AS PersonalCipher, received_at AS ReceivedAt FROM signals " +
                "WHERE import_id = @importId AND case_id IS NULL AND status = @status AND deleted_at IS NULL ORDER BY import_line",
                new { importId, status = SignalStatuses.NotYetPickedUp })).AsList();
        }

        var households = pending.GroupBy(signal => signal.HouseholdHash).ToList();
        await Parallel.ForEachAsync(households, new ParallelOptions { MaxDegreeOfParallelism = Households, CancellationToken = cancellationToken },
            async (household, token) =>
            {
                foreach (var signal in household)
                {
                    await JoinAsync(signal, traceParent, token);
                }
            });
    }

    private async Task JoinAsync(PendingSignal signal, string? traceParent, CancellationToken cancellationToken)
    {
        string? subjectHash = null;
        string? subjectCipher = null;
        if (signal.PersonalCipher is { } cipher && protector.Open(cipher).Bsn is { } digits && Bsn.TryParse(digits, out var bsn))
        {
            (subjectHash, subjectCipher) = (subjects.Hash(bsn), subjects.Encrypt(bsn));
        }

        var signalledOn = DateOnly.Parse(signal.SignalledOn, System.Globalization.CultureInfo.InvariantCulture);
        var joined = new SignalJoined(
            signal.Id,
            SignalPartnerTypes.ByWireName[signal.PartnerType],
            signal.PartnerName,
            (int)(signal.Amount ?? 0),
            signal.AroseOn is { } arose ? DateOnly.Parse(arose, System.Globalization.CultureInfo.InvariantCulture) : signalledOn,
            signalledOn,
            signal.Crisis == 1,
            signal.WarmHandover == 1,
            SignalStatus.NotYetPickedUp);
        var outreach = await cases.OpenOrJoinAsync(new OutreachRequest(
            signal.Municipality, signal.HouseholdHash, joined, DateTimeOffset.FromUnixTimeMilliseconds(signal.ReceivedAt), settings.MatchingMonths,
            signal.PartnerOin, subjectHash, subjectCipher, traceParent), cancellationToken);
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE signals SET case_id = @TrajectoryId WHERE id = @Id", new { outreach.TrajectoryId, signal.Id });
    }

    private sealed record PendingSignal(
        string Id, string Municipality, string HouseholdHash, string PartnerType, string PartnerName, string? PartnerOin, long? Amount, string? AroseOn,
        string SignalledOn, long Crisis, long WarmHandover, string? PersonalCipher, long ReceivedAt);
}
