using Dapper;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Store.Signals;

/// <summary>The imports table and its refused rows. Counts move only in the transaction that applies the rows they count.</summary>
public sealed class SignalImportStore(TrajectoryStore store)
{
    private const string Columns =
        "id AS Id, caller AS Caller, caller_role AS CallerRole, media_type AS MediaType, rows_read AS RowsRead, accepted AS Accepted, refused AS Refused, " +
        "done AS Done, received_at AS ReceivedAt, finished_at AS FinishedAt";

    public async Task<SignalImport> CreateAsync(string id, Sender caller, string mediaType, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var import = new SignalImport(id, caller.Organisation, caller.Role.WireName(), mediaType, 0, 0, 0, 0, at.ToUnixTimeMilliseconds(), null);
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO signal_imports (id, caller, caller_role, media_type, rows_read, accepted, refused, done, received_at, finished_at) " +
            "VALUES (@Id, @Caller, @CallerRole, @MediaType, 0, 0, 0, 0, @ReceivedAt, NULL)", import);
        return import;
    }

    public async Task<SignalImport?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SignalImport>($"SELECT {Columns} FROM signal_imports WHERE id = @id", new { id });
    }

    /// <summary>Imports that a stopped host left unfinished, oldest first, to go on with where they stood.</summary>
    public async Task<IReadOnlyList<SignalImport>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SignalImport>($"SELECT {Columns} FROM signal_imports WHERE done = 0 ORDER BY received_at, id")).AsList();
    }

    /// <summary>The first refused rows, by line, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<SignalImportFault>> FaultsAsync(string id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SignalImportFault>(
            "SELECT line AS Line, field AS Field, problem AS Problem FROM signal_import_faults WHERE import_id = @id ORDER BY line, field LIMIT @limit",
            new { id, limit })).AsList();
    }

    public async Task FinishAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE signal_imports SET done = 1, finished_at = @at WHERE id = @id",
            new { id, at = at.ToUnixTimeMilliseconds() });
    }
}
