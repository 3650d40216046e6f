using Dapper;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Referrals;

/// <summary>
/// The referrals table, beside the trajectories: each write in one transaction with its audit entry.
/// The trajectory itself only ever changes through <see cref="TrajectoryStore.ApplyAsync"/>.
/// </summary>
public sealed class ReferralStore(TrajectoryStore store)
{
    private const string Columns =
        "id AS Id, referrer AS Referrer, idempotency_key AS IdempotencyKey, identifier_system AS IdentifierSystem, identifier_value AS IdentifierValue, " +
        "trajectory_id AS TrajectoryId, owner AS Owner, authored_at AS AuthoredAt, created_at AS CreatedAt, cancelled_at AS CancelledAt";

    public TrajectoryStore Trajectories => store;

    public async Task<StoredReferral?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredReferral>($"SELECT {Columns} FROM referrals WHERE id = @id", new { id });
    }

    public async Task<StoredReferral?> FindByKeyAsync(string referrer, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredReferral>(
            $"SELECT {Columns} FROM referrals WHERE referrer = @referrer AND idempotency_key = @key", new { referrer, key });
    }

    /// <summary>A referrer's referrals, oldest first, optionally only those to one municipality.</summary>
    public async Task<IReadOnlyList<StoredReferral>> OfReferrerAsync(string referrer, string? owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<StoredReferral>(
            $"SELECT {Columns} FROM referrals WHERE referrer = @referrer {(owner is null ? string.Empty : "AND owner = @owner")} ORDER BY created_at, id",
            new { referrer, owner })).AsList();
    }

    /// <summary>Stores a new referral; when a retry stored the same one first, answers with that one.</summary>
    public async Task<StoredReferral> AddAsync(StoredReferral referral, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(
            "INSERT INTO referrals (id, referrer, idempotency_key, identifier_system, identifier_value, trajectory_id, owner, authored_at, created_at, cancelled_at) " +
            "VALUES (@Id, @Referrer, @IdempotencyKey, @IdentifierSystem, @IdentifierValue, @TrajectoryId, @Owner, @AuthoredAt, @CreatedAt, NULL) " +
            "ON CONFLICT (referrer, idempotency_key) DO NOTHING",
            referral, transaction);
        if (added == 1)
        {
            await store.Dialect.InsertAuditAsync(connection, transaction, [audit.ToRow()]);
        }

        var stored = await connection.QuerySingleAsync<StoredReferral>(
            $"SELECT {Columns} FROM referrals WHERE referrer = @Referrer AND idempotency_key = @IdempotencyKey", referral, transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>
    /// The referrer ends its referral: marked cancelled, audited the first time. Unlinking the referrer
    /// from the trajectory is up to <see cref="ReferralIntake"/>, through the apply path.
    /// </summary>
    public async Task<StoredReferral> CancelAsync(StoredReferral referral, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cancelled = await connection.ExecuteAsync(
            "UPDATE referrals SET cancelled_at = @at WHERE id = @Id AND cancelled_at IS NULL",
            new { referral.Id, at = at.ToUnixTimeMilliseconds() }, transaction);
        if (cancelled == 1)
        {
            await store.Dialect.InsertAuditAsync(connection, transaction, [audit.ToRow()]);
        }

        var stored = await connection.QuerySingleAsync<StoredReferral>($"SELECT {Columns} FROM referrals WHERE id = @Id", referral, transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Whether an open referral of the referrer still links it to the trajectory.</summary>
    public async Task<bool> StillLinksAsync(string trajectoryId, string referrer, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM referrals WHERE trajectory_id = @trajectoryId AND referrer = @referrer AND cancelled_at IS NULL)",
            new { trajectoryId, referrer });
    }
}
