using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Schuldketen.Bench;

/// <summary>How many outbox rows for one recipient wait to be published, read straight from the hub's database.</summary>
internal static class OutboxBacklog
{
    public static async Task<int> CountAsync(string dataDirectory, string? postgres, string recipient)
    {
        await using DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "schuldketen.db")}")
            : new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox WHERE published_at IS NULL AND recipients LIKE @recipient", new { recipient = $"%{recipient}%" });
    }
}
