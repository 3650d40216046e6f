using System.Data.Common;
using System.Globalization;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>
/// Stores an import's rows a batch at a time: every signal of the batch, its audit entry, the refused rows and the
/// import's counts in one transaction, so a row is applied whole or not at all and a stopped import goes on after the
/// last batch it committed. A signal whose id the partner sent before (even one whose data was deleted since) is not
/// stored again. It gets its DDAS status here: "Onterecht signaal" below the municipality's threshold for the partner
/// type, "Herhaalde melding" when the same partner signalled the same person within the matching period and the
/// arrears did not grow.
/// </summary>
public sealed class SignalWriter(TrajectoryStore store, SignalProtector protector, SubjectProtector subjects, SignalSettings settings, TimeProvider time)
{
    private const string Insert =
        "INSERT INTO signals (id, id_hash, municipality, partner_type, partner_name, partner_oin, partner_signal, import_id, import_line, household_hash, person_hash, subject_hash, " +
        "amount, arose_on, signalled_on, crisis, warm_handover, status, case_id, trajectory_id, personal_cipher, received_at, deleted_at) " +
        "VALUES (@Id, @IdHash, @Municipality, @PartnerType, @PartnerName, @PartnerOin, @PartnerSignal, @ImportId, @ImportLine, @HouseholdHash, @PersonHash, @SubjectHash, " +
        "@Amount, @AroseOn, @SignalledOn, @Crisis, @WarmHandover, @Status, @CaseId, @TrajectoryId, @PersonalCipher, @ReceivedAt, NULL) " +
        "ON CONFLICT (id_hash) DO NOTHING";

    /// <summary>Applies one batch; answers the signals it stored new, in order (a repeat of a known signal id is not among them).</summary>
    public async Task<IReadOnlyList<StoredSignal>> ApplyAsync(string importId, Sender caller, SignalBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var prepared = new List<(StoredSignal Row, string? SubjectCipher)>(batch.Signals.Count);
        foreach (var routed in batch.Signals)
        {
            prepared.Add(await PrepareAsync(importId, routed, now, cancellationToken));
        }

        var stored = new List<StoredSignal>();
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var audit = new List<AuditRow>();
        foreach (var (row, subjectCipher) in prepared)
        {
            var signal = row with { Status = await StatusAsync(connection, transaction, row, now) };
            if (await connection.ExecuteAsync(Insert, signal, transaction) == 1)
            {
                stored.Add(signal);
                audit.Add(new AuditEntry(now, "vroegsignaal-ontvangen", caller.Organisation, caller.Person, signal.TrajectoryId, subjectCipher, "geslaagd").ToRow());
            }
        }

        if (audit.Count > 0)
        {
            await store.Dialect.InsertAuditAsync(connection, transaction, audit);
        }

        foreach (var fault in batch.Faults)
        {
            await connection.ExecuteAsync(
                "INSERT INTO signal_import_faults (import_id, line, field, problem) VALUES (@importId, @Line, @Field, @Problem) ON CONFLICT DO NOTHING",
                new { importId, fault.Line, fault.Field, fault.Problem }, transaction);
        }

        await connection.ExecuteAsync(
            "UPDATE signal_imports SET rows_read = rows_read + @read, accepted = accepted + @accepted, refused = refused + @refused WHERE id = @importId",
            new { importId, read = batch.RowsRead, accepted = (long)batch.Signals.Count, refused = (long)batch.Faults.Select(fault => fault.Line).Distinct().Count() },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private async Task<(StoredSignal Row, string? SubjectCipher)> PrepareAsync(string importId, RoutedSignal routed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (signal, municipality) = (routed.Signal, routed.Municipality);
        var resident = signal.Resident;
        string? subjectHash = null;
        string? subjectCipher = null;
        string? trajectoryId = null;
        if (resident.Bsn is { } digits && Bsn.TryParse(digits, out var bsn))
        {
            subjectHash = subjects.Hash(bsn);
            var open = (await store.OfSubjectAsync(subjectHash, cancellationToken))
                .FirstOrDefault(trajectory => trajectory.Municipality == municipality && store.Engine.Library.Get(trajectory.Definition) is var definition
                    && !definition.Phase(trajectory.Phase).Terminal && !OutreachDefinition.Is(definition));
            trajectoryId = open?.Id;
            subjectCipher = open?.SubjectCipher ?? subjects.Encrypt(bsn);
        }

        var row = new StoredSignal(
            Guid.NewGuid().ToString(),
            protector.IdHash(signal.Partner, signal.Id),
            municipality,
            signal.Partner.Type,
            signal.Partner.Name,
            routed.PartnerOin,
            signal.Id,
            importId,
            routed.Line,
            protector.HouseholdHash(municipality, resident),
            protector.PersonHash(signal.Partner, resident),
            subjectHash,
            signal.Amount,
            signal.AroseOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            signal.SignalledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            signal.Crisis ? 1 : 0,
            signal.WarmHandover ? 1 : 0,
            SignalStatuses.NotYetPickedUp,
            null,
            trajectoryId,
            protector.Seal(resident),
            now.ToUnixTimeMilliseconds(),
            null);
        return (row, subjectCipher);
    }

    private async Task<string> StatusAsync(DbConnection connection, DbTransaction transaction, StoredSignal signal, DateTimeOffset now)
    {
        if (settings.ThresholdFor(signal.Municipality, signal.PartnerType) is { } threshold && (signal.Amount ?? 0) < threshold)
        {
            return SignalStatuses.Unjustified;
        }

        var since = now.AddMonths(-settings.MatchingMonths).ToUnixTimeMilliseconds();
        var largestBefore = await connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(COALESCE(amount, 0)) FROM signals WHERE person_hash = @PersonHash AND received_at >= @since AND deleted_at IS NULL " +
            "AND status <> @unjustified",
            new { signal.PersonHash, since, unjustified = SignalStatuses.Unjustified }, transaction);
        return largestBefore is { } earlier && (signal.Amount ?? 0) <= earlier ? SignalStatuses.Repeated : SignalStatuses.NotYetPickedUp;
    }
}
