using Npgsql;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Storage;

/// <summary>
/// The store and the trajectories it starts, at the top of section <c>Schuldketen</c>: which database, the hub's
/// own OIN (the source of the events the store raises, such as passed deadlines) and the definition each municipality runs.
/// </summary>
public sealed class StoreOptions : ICheckedOptions
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

    public IEnumerable<string> Problems()
    {
        if (OnPostgres && Unreadable(Postgres!) is { } reason)
        {
            yield return $"Schuldketen__Postgres is not a connection string Npgsql can read: {reason}. Correct it "
                         + "(keywords as on https://www.npgsql.org/doc/connection-string-parameters.html), or leave it empty to run on the embedded SQLite file.";
        }

        if (!OinFormat.IsValid(HubOin))
        {
            yield return $"Schuldketen__HubOin is '{HubOin}', not an OIN: set it to the hub's own OIN of 20 digits.";
        }

        foreach (var municipality in MunicipalityDefinitions.Keys.Where(key => !OinFormat.IsValid(key)))
        {
            yield return $"Schuldketen__MunicipalityDefinitions__{municipality} names '{municipality}', not an OIN: name each municipality by its OIN of 20 digits.";
        }
    }

    /// <summary>Why Npgsql cannot read a connection string, naming at most a keyword: its values may hold a password.</summary>
    private static string? Unreadable(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException error) when (error.ParamName is { } keyword)
        {
            return $"'{keyword}' is no keyword Npgsql knows, or its value has the wrong type";
        }
        catch (Exception error) when (error is ArgumentException or KeyNotFoundException or FormatException)
        {
            return "it does not follow the form keyword=value;keyword=value";
        }
    }
}
