using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.CommandLine;

/// <summary>Where the command line finds the hub's database: PostgreSQL when given one, else the embedded SQLite file.</summary>
public static class StoreLocation
{
    /// <summary>The hub's own identity for the events it raises; <c>SCHULDKETEN_HUB_OIN</c> in production.</summary>
    public static HubIdentity Hub =>
        new(Environment.GetEnvironmentVariable("SCHULDKETEN_HUB_OIN") is { Length: > 0 } oin ? oin : "00000001000000000000");

    public static StoreSettings Resolve(string? postgres, string? sqlite)
    {
        if ((postgres ?? Environment.GetEnvironmentVariable("SCHULDKETEN_POSTGRES")) is { Length: > 0 } connection)
        {
            return StoreSettings.PostgreSql(connection);
        }

        return sqlite is not null ? StoreSettings.Sqlite(sqlite) : StoreSettings.EmbeddedDefault();
    }
}
