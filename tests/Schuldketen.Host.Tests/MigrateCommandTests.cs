using Microsoft.Data.Sqlite;
using Schuldketen.Contracts;
using Schuldketen.Functions.CommandLine;
using Schuldketen.Workflows.Engine;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Host.Tests;

/// <summary><c>schuldketen trajectories migrate</c> on a database with a running trajectory in every interesting phase.</summary>
public class MigrateCommandTests
{
    private static readonly string Versions = Path.Combine(AppContext.BaseDirectory, "fixtures", "versions");


    [Fact]
    public async Task The_command_refuses_an_unmapped_phase_lists_a_dry_run_and_then_moves_the_trajectory()
    {
        await using var harness = new StoreHarness(TestDatabase.Sqlite);
        await harness.Store.ApplyAsync(Registration("trj-a", Monday));
        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.FirstConversationHeld, Monday.AddDays(3)));
        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.AccessGranted, Monday.AddDays(10)));
        var file = new SqliteConnectionStringBuilder(harness.Settings.ConnectionString).DataSource;
        string[] migrate = ["trajectories", "migrate", "--definition", "wgs-standaard", "--from", "1", "--to", "2", "--definitions", Versions, "--sqlite", file];

        var unmapped = Run([.. migrate, "--dry-run"]);
        var dryRun = Run([.. migrate, "--map", "stabilisatie=rust-in-geldzaken", "--dry-run"]);
        Assert.Equal(1, (await harness.Store.FindAsync("trj-a"))!.Definition.Version);
        var moved = Run([.. migrate, "--map", "stabilisatie=rust-in-geldzaken"]);

        Assert.Equal(1, unmapped.ExitCode);
        Assert.Contains("phases that wgs-standaard v2 does not have: stabilisatie", unmapped.Error);
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("trj-a: stabilisatie -> rust-in-geldzaken", dryRun.Output);
        Assert.Contains("Dry run: 1 trajectories would move", dryRun.Output);
        Assert.Equal(0, moved.ExitCode);
        Assert.Contains("Moved 1 trajectories from wgs-standaard v1 to wgs-standaard v2.", moved.Output);
        var trajectory = await harness.Store.FindAsync("trj-a");
        Assert.Equal((2, "rust-in-geldzaken"), (trajectory!.Definition.Version, trajectory.Phase));
        Assert.Equal(EventTypes.Migrated, (await harness.Store.HistoryAsync("trj-a"))[^1].EventType);
    }

    [Fact]
    public void A_mapping_to_a_phase_the_new_version_lacks_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"t{Guid.NewGuid():N}.db");

        var result = Run(["trajectories", "migrate", "--definition", "wgs-standaard", "--from", "1", "--to", "2", "--definitions", Versions,
            "--sqlite", file, "--map", "stabilisatie=bestaat-niet"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stabilisatie=bestaat-niet", result.Error);
    }

    private static (int ExitCode, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = HubCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
