using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.CommandLine;

/// <summary>
/// Where the command line finds the hub's database and bus: the same settings the host reads from the
/// environment (<c>Schuldketen__Postgres</c>, <c>Schuldketen__DataDirectory</c>, <c>Schuldketen__HubOin</c>,
/// <c>Schuldketen__Bus__*</c>), unless an option names the database.
/// </summary>
public static class StoreLocation
{
    public static StoreOptions Configured => FromEnvironment.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();

    public static BusOptions ConfiguredBus => FromEnvironment.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();

    /// <summary>The hub's own identity for the events it raises.</summary>
    public static HubIdentity Hub => new(Configured.HubOin);

    private static IConfiguration FromEnvironment => new ConfigurationBuilder().AddEnvironmentVariables().Build();

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
