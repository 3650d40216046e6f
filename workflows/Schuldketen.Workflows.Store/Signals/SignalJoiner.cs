using System.Collections.Concurrent;
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
/// makes a second try open no second case. Households are joined side by side, one household's signals in order, and the
/// cases' links and the signals' case ids are written together at the end.
/// </summary>
public sealed class SignalJoiner(TrajectoryStore store, OutreachCases cases, SignalProtector protector, SubjectProtector subjects, SignalSettings settings)
{
    // Many households at once, so the store's group commit writes their cases in few transactions.
    private const int Households = 128;

    public async Task JoinPendingAsync(string importId, string? traceParent, CancellationToken cancellationToken)
    {
        List<PendingSignal> pending;
        await using (var reading = await store.Dialect.OpenAsync(cancellationToken))
        {
            pending = (await reading.QueryAsync<PendingSignal>(
                "SELECT id AS Id, municipality AS Municipality, household_hash AS HouseholdHash, partner_type AS PartnerType, partner_name AS PartnerName, " +
                "partner_oin AS PartnerOin, amount AS Amount, arose_on AS AroseOn, signalled_on AS SignalledOn, crisis AS Crisis, warm_handover AS WarmHandover, " +
                "personal_cipher AS PersonalCipher, received_at AS ReceivedAt FROM signals " +
                "WHERE import_id = @importId AND case_id IS NULL AND status = @status AND deleted_at IS NULL ORDER BY import_line",
                new { importId, status = SignalStatuses.NotYetPickedUp })).AsList();
        }

        var households = pending.GroupBy(signal => signal.HouseholdHash).ToList();
        var links = new ConcurrentQueue<OutreachLink>();
        var joined = new ConcurrentQueue<(string Id, string TrajectoryId)>();
        await Parallel.ForEachAsync(households, new ParallelOptions { MaxDegreeOfParallelism = Households, CancellationToken = cancellationToken },
            async (household, token) =>
            {
                var signals = household.ToList();
                var opened = new List<OutreachLink>();
                var outreach = await cases.OpenOrJoinHouseholdAsync(signals.Select(signal => Request(signal, traceParent)).ToList(), opened, token);
                foreach (var link in opened)
                {
                    links.Enqueue(link);
                }

                foreach (var (signal, outreachCase) in signals.Zip(outreach))
                {
                    joined.Enqueue((signal.Id, outreachCase.TrajectoryId));
                }
            });

        // The cases' links and the signals' case ids in one transaction: a run that stops before it joins again, and the
        // store's inbox answers those repeats with the cases of the first run.
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OutreachCases.WriteLinksAsync(connection, transaction, links);
        await connection.ExecuteAsync("UPDATE signals SET case_id = @TrajectoryId WHERE id = @Id",
            joined.Select(signal => new { signal.Id, signal.TrajectoryId }), transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private OutreachRequest Request(PendingSignal signal, string? traceParent)
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
        return new OutreachRequest(
            signal.Municipality, signal.HouseholdHash, joined, DateTimeOffset.FromUnixTimeMilliseconds(signal.ReceivedAt), settings.MatchingMonths,
            signal.PartnerOin, subjectHash, subjectCipher, traceParent);
    }

    private sealed record PendingSignal(
        string Id, string Municipality, string HouseholdHash, string PartnerType, string PartnerName, string? PartnerOin, long? Amount, string? AroseOn,
        string SignalledOn, long Crisis, long WarmHandover, string? PersonalCipher, long ReceivedAt);
}
