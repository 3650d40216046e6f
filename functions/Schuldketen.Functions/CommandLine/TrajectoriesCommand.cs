using System.CommandLine;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Functions.CommandLine;

/// <summary><c>trajectories migrate</c>: moving running trajectories to a newer definition version.</summary>
public static class TrajectoriesCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("trajectories", "Operate on stored trajectories.") { Migrate(output, error) };

    private static Command Migrate(TextWriter output, TextWriter error)
    {
        var definition = new Option<string>("--definition") { Description = "The definition id, e.g. wgs-standaard.", Required = true };
        var from = new Option<int>("--from") { Description = "The version the trajectories run on now.", Required = true };
        var to = new Option<int>("--to") { Description = "The version to move them to.", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = "old=new: the phase of the new version for a phase of the old one. Phases present in both map to themselves.",
            AllowMultipleArgumentsPerToken = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would move; change nothing." };
        var definitions = new Option<string?>("--definitions") { Description = "A folder with further definition files, such as the new version." };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string; by default Schuldketen__Postgres, else the embedded SQLite." };
        var sqlite = new Option<string?>("--sqlite") { Description = "SQLite database file; by default the one in SCHULDKETEN_DATA_DIR." };
        var command = new Command("migrate", "Move running trajectories to another version of their definition.")
        {
            definition, from, to, map, dryRun, definitions, postgres, sqlite,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var phaseMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parseResult.GetValue(map) ?? [])
            {
                if (pair.Split('=') is not [{ Length: > 0 } old, { Length: > 0 } @new])
                {
                    error.WriteLine($"--map takes old=new, not '{pair}'.");
                    return 2;
                }

                phaseMap[old] = @new;
            }

            var extra = parseResult.GetValue(definitions) is { } folder ? DefinitionLibrary.FilesIn(folder) : [];
            var loaded = DefinitionLibrary.Load(DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder).Concat(extra).ToList(), [], LegalCalendar.Default);
            foreach (var finding in loaded.Findings)
            {
                error.WriteLine(finding);
            }

            var settings = StoreLocation.Resolve(parseResult.GetValue(postgres), parseResult.GetValue(sqlite));
            await using var store = TrajectoryStore.Open(settings, new TrajectoryEngine(loaded.Library), new DeadlineClock(LegalCalendar.Default), TimeProvider.System);
            var migrator = new TrajectoryMigrator(store, StoreLocation.Hub);
            MigrationPlan plan;
            try
            {
                plan = await migrator.PlanAsync(parseResult.GetValue(definition)!, parseResult.GetValue(from), parseResult.GetValue(to), phaseMap, cancellationToken);
            }
            catch (ArgumentException problem)
            {
                error.WriteLine(problem.Message);
                return 1;
            }

            foreach (var move in plan.Moves)
            {
                output.WriteLine($"{move.TrajectoryId}: {move.FromPhase} -> {move.ToPhase}");
            }

            if (plan.UnmappedPhases.Count > 0)
            {
                error.WriteLine($"Running trajectories are in phases that {plan.To} does not have: {string.Join(", ", plan.UnmappedPhases)}. " +
                                "Give each a place with --map old=new.");
                return 1;
            }

            if (parseResult.GetValue(dryRun))
            {
                output.WriteLine($"Dry run: {plan.Moves.Count} trajectories would move from {plan.From} to {plan.To}.");
                return 0;
            }

            var results = await migrator.ExecuteAsync(plan);
            var refused = results.Where(result => result.Status != ApplyStatus.Accepted).ToList();
            foreach (var result in refused)
            {
                error.WriteLine($"{result.TrajectoryId}: {result.Detail}");
            }

            output.WriteLine($"Moved {results.Count - refused.Count} trajectories from {plan.From} to {plan.To}.");
            return refused.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
