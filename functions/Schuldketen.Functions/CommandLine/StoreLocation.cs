using Schuldketen.Functions.Hosting;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.CommandLine;

/// <summary>
/// Where the command line finds the hub's database: the same settings the host reads from the
/// environment (<c>Schuldketen__Postgres</c>, <c>Schuldketen__DataDirectory</c>, <c>Schuldketen__HubOin</c>),
/// unless an option names the database.
/// </summary>
public static class StoreLocation
{
    public static HubOptions Configured =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();

    /// <summary>The hub's own identity for the events it raises.</summary>
    public static HubIdentity Hub => new(Configured.HubOin);

    public static StoreSettings Resolve(string? postgres, string? sqlite)
    {
        var options = Configured;
        if ((postgres ?? options.Postgres) is { Length: > 0 } connection)
        {
            return StoreSettings.PostgreSql(connection);
        }

        return sqlite is not null ? StoreSettings.Sqlite(sqlite) : StoreSettings.EmbeddedDefault(options.DataDirectory);
    }
}
