using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>The database's own ceiling: single-row inserts, each its own commit, over the same number of connections.</summary>
internal static class RawInserts
{
    public static async Task<double> MeasureAsync(StoreSettings settings, int connections, int rows)
    {
        await using (var setup = await OpenAsync(settings))
        {
            await setup.ExecuteAsync("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
        }

        var next = -1L;
        var payload = new string('x', 200);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(settings);
            for (var id = Interlocked.Increment(ref next); id < rows; id = Interlocked.Increment(ref next))
            {
                await connection.ExecuteAsync("INSERT INTO bench_raw (id, payload) VALUES (@id, @payload)", new { id, payload });
            }
        })));
        return rows / clock.Elapsed.TotalSeconds;
    }

    private static async Task<System.Data.Common.DbConnection> OpenAsync(StoreSettings settings)
    {
        System.Data.Common.DbConnection connection = settings.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        if (connection is SqliteConnection)
        {
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        }

        return connection;
    }
}
