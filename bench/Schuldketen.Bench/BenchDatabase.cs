using Npgsql;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>A fresh database per run, so every run starts from the same empty tables.</summary>
internal static class BenchDatabase
{
    public static StoreSettings Create(string provider, string? postgres, string purpose = "")
    {
        var name = $"bench{DateTime.UtcNow:yyyyMMddHHmmss}{purpose}";
        if (provider == "sqlite")
        {
            return StoreSettings.Sqlite(Path.Combine(Path.GetTempPath(), "schuldketen-bench", name + ".db"));
        }

        var builder = new NpgsqlConnectionStringBuilder(postgres ?? throw new ArgumentException("PostgreSQL needs --postgres or SCHULDKETEN_BENCH_POSTGRES."))
        {
            Database = name,
            MaxPoolSize = 64,
        };
        return StoreSettings.PostgreSql(builder.ConnectionString);
    }
}
