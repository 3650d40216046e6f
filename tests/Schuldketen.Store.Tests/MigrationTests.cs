using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class MigrationTests
{
    private static readonly Dictionary<string, string> StabilisationRenamed = new() { ["stabilisatie"] = "rust-in-geldzaken" };


    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phase_without_a_place_in_the_new_version_stops_the_migration(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await SeedAsync(harness);
        var migrator = new TrajectoryMigrator(harness.Store, Hub);

        var plan = await migrator.PlanAsync("wgs-standaard", 1, 2, new Dictionary<string, string>());

        Assert.Equal(["stabilisatie"], plan.UnmappedPhases);
        Assert.Equal([new PlannedMove("trj-b", "eerste-gesprek", "eerste-gesprek")], plan.Moves);
        await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.ExecuteAsync(plan));
        Assert.Equal(1, (await harness.Store.FindAsync("trj-b"))!.Definition.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mapped_migration_moves_running_trajectories_to_version_2_with_its_rules_and_clocks(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await SeedAsync(harness);
        var migrator = new TrajectoryMigrator(harness.Store, Hub);

        var plan = await migrator.PlanAsync("wgs-standaard", 1, 2, StabilisationRenamed);
        var results = await migrator.ExecuteAsync(plan);

        Assert.Empty(plan.UnmappedPhases);
        Assert.Equal(
            [new PlannedMove("trj-a", "stabilisatie", "rust-in-geldzaken"), new PlannedMove("trj-b", "eerste-gesprek", "eerste-gesprek")],
            plan.Moves);
        Assert.All(results, result => Assert.Equal(ApplyStatus.Accepted, result.Status));

        var movedA = await harness.Store.FindAsync("trj-a");
        Assert.Equal((new DefinitionKey("wgs-standaard", 2), "rust-in-geldzaken"), (movedA!.Definition, movedA.Phase));
        var last = (await harness.Store.HistoryAsync("trj-a"))[^1];
        Assert.Equal((EventTypes.Migrated, "rust-in-geldzaken", "hub"), (last.EventType, last.Phase, last.ActorRole));
        // Version 2 gives the first conversation 3 weeks from the request: Monday 23 March instead of 30 March.
        Assert.Equal([("eerste-gesprek", new DateOnly(2026, 3, 23))], (await harness.Store.TimersAsync("trj-b")).Select(timer => (timer.DeadlineId, timer.DueOn)));
        Assert.Equal(["rust-in-geldzaken"], (await harness.Store.TimersAsync("trj-a")).Select(timer => timer.DeadlineId));

        var closed = await harness.Store.FindAsync("trj-c");
        Assert.Equal(1, closed!.Definition.Version);

        var onVersion2 = await harness.Store.ApplyAsync(Event("trj-a", EventTypes.StabilisationCompleted, Monday.AddDays(60), CounsellorSender));
        Assert.Equal("schuldregeling", onVersion2.Phase);

        var again = await migrator.ExecuteAsync(plan);
        Assert.All(again, result => Assert.True(result.Replayed));
    }

    private static async Task SeedAsync(StoreHarness harness)
    {
        foreach (var id in new[] { "trj-a", "trj-b", "trj-c" })
        {
            await harness.Store.ApplyAsync(Registration(id, Monday));
        }

        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.FirstConversationHeld, Monday.AddDays(3)));
        await harness.Store.ApplyAsync(Event("trj-a", EventTypes.AccessGranted, Monday.AddDays(10)));
        await harness.Store.ApplyAsync(Event("trj-b", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        await harness.Store.ApplyAsync(Event("trj-c", EventTypes.DroppedOut, Monday.AddDays(1), outcome: "uitval"));
    }
}
