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

    /// <summary>The embedded default: <c>schuldketen.db</c> in <paramref name="dataDirectory"/>, else in <see cref="DefaultDataDirectory"/>.</summary>
    public static StoreSettings EmbeddedDefault(string? dataDirectory = null) =>
        Sqlite(Path.Combine(dataDirectory ?? DefaultDataDirectory(), "schuldketen.db"));

    /// <summary><c>SCHULDKETEN_DATA_DIR</c>, else the user's local data folder; never inside the repository.</summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("SCHULDKETEN_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "schuldketen");
}
