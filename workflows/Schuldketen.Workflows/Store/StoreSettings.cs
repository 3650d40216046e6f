namespace Schuldketen.Workflows.Store;

/// <summary>Which database the store runs on, and how its writers batch.</summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString)
{
    /// <summary>Parallel writers. SQLite has one writer at a time, so more would only queue on its lock.</summary>
    public int Writers { get; init; } = Provider == StoreProvider.Sqlite ? 1 : 8;

    /// <summary>The most events one transaction takes.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>For fault-injection tests only.</summary>
    public StepHook? StepHook { get; init; }

    public static StoreSettings Sqlite(string file) => new(StoreProvider.Sqlite, SqliteDialect.ConnectionStringFor(file));

    public static StoreSettings PostgreSql(string connectionString) => new(StoreProvider.PostgreSql, connectionString);

    /// <summary>The embedded default: a SQLite file in <c>SCHULDKETEN_DATA_DIR</c>, else the user's local data folder.</summary>
    public static StoreSettings EmbeddedDefault()
    {
        var folder = Environment.GetEnvironmentVariable("SCHULDKETEN_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "schuldketen");
        return Sqlite(Path.Combine(folder, "schuldketen.db"));
    }
}
