using Schuldketen.Workflows.Store;

namespace Schuldketen.Testing;

/// <summary>
/// A fresh, empty database per test on each provider. PostgreSQL comes from
/// <c>SCHULDKETEN_TEST_POSTGRES</c>, which <c>infra/test.sh</c> sets after starting a throwaway
/// server; without it these tests fail, they do not skip.
/// </summary>
public static class TestDatabase
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public static TheoryData<string> Providers => new(Sqlite, PostgreSql);

    /// <summary>The connection string of the test run's PostgreSQL server; fails the test when it is not set.</summary>
    public static string PostgresServer
    {
        get
        {
            var server = Environment.GetEnvironmentVariable("SCHULDKETEN_TEST_POSTGRES");
            Assert.False(string.IsNullOrWhiteSpace(server),
                "SCHULDKETEN_TEST_POSTGRES is not set: run the suite with ./infra/test.sh, which starts PostgreSQL and sets it.");
            return server!;
        }
    }

    public static StoreSettings Create(string provider)
    {
        var name = $"t{Guid.NewGuid():N}";
        if (provider == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "schuldketen-tests");
            return StoreSettings.Sqlite(Path.Combine(folder, name + ".db"));
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 40 };
        return StoreSettings.PostgreSql(builder.ConnectionString);
    }
}
