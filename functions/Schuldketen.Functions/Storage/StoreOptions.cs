using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Storage;

/// <summary>
/// The store and the trajectories it starts, at the top of section <c>Schuldketen</c>: which database, the hub's
/// own OIN (the source of the events the store raises, such as passed deadlines) and the definition each municipality runs.
/// </summary>
public sealed class StoreOptions
{
    public const string Section = "Schuldketen";

    /// <summary>PostgreSQL connection string; without it the hub runs on the embedded SQLite file.</summary>
    public string? Postgres { get; set; }

    /// <summary>Where the embedded SQLite file and generated keys live; default <c>SCHULDKETEN_DATA_DIR</c>, else the user's local data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The hub's own OIN, the source of the events it raises.</summary>
    public string HubOin { get; set; } = "00000001000000000000";

    /// <summary>Which definition a municipality runs, by its OIN; others run <see cref="DefaultDefinition"/>.</summary>
    public Dictionary<string, string> MunicipalityDefinitions { get; set; } = [];

    public string DefaultDefinition { get; set; } = "wgs-standaard";

    public bool OnPostgres => Postgres is { Length: > 0 };

    public string DataFolder => DataDirectory ?? StoreSettings.DefaultDataDirectory();

    public StoreSettings Settings => OnPostgres ? StoreSettings.PostgreSql(Postgres!) : StoreSettings.EmbeddedDefault(DataFolder);
}
