using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Moves running trajectories from one version of a definition to another, only by an explicit
/// phase mapping. A phase that exists in both versions maps to itself unless mapped otherwise; a
/// running trajectory in a phase that has no place in the new version stops the whole migration.
/// Closed trajectories stay on the version they closed on.
/// </summary>
public sealed class TrajectoryMigrator(TrajectoryStore store, HubIdentity hub)
{
    public async Task<MigrationPlan> PlanAsync(
        string definitionId, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken = default)
    {
        var library = store.Engine.Library;
        var source = library.Find(new DefinitionKey(definitionId, fromVersion))
                     ?? throw new ArgumentException($"There is no definition {definitionId} v{fromVersion}.", nameof(fromVersion));
        var target = library.Find(new DefinitionKey(definitionId, toVersion))
                     ?? throw new ArgumentException($"There is no definition {definitionId} v{toVersion}.", nameof(toVersion));
        var wrong = map.Where(pair => source.FindPhase(pair.Key) is null || target.FindPhase(pair.Value) is null)
            .Select(pair => $"{pair.Key}={pair.Value}")
            .ToList();
        if (wrong.Count > 0)
        {
            throw new ArgumentException($"These mappings name phases that {source.Key} or {target.Key} does not have: {string.Join(", ", wrong)}.", nameof(map));
        }

        var phaseMap = source.Phases
            .Select(phase => (phase.Id, To: map.GetValueOrDefault(phase.Id) ?? target.FindPhase(phase.Id)?.Id))
            .Where(pair => pair.To is not null)
            .ToDictionary(pair => pair.Id, pair => pair.To!, StringComparer.Ordinal);

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var running = (await store.Dialect.TrajectoriesOnAsync(connection, definitionId, fromVersion))
            .Where(trajectory => !source.Phase(trajectory.Phase).Terminal)
            .ToList();
        var moves = running
            .Where(trajectory => phaseMap.ContainsKey(trajectory.Phase))
            .Select(trajectory => new PlannedMove(trajectory.Id, trajectory.Phase, phaseMap[trajectory.Phase]))
            .ToList();
        var unmapped = running.Select(trajectory => trajectory.Phase).Where(phase => !phaseMap.ContainsKey(phase)).Distinct().Order().ToList();
        return new MigrationPlan(source.Key, target.Key, phaseMap, moves, unmapped);
    }

    /// <summary>Moves every trajectory of the plan, each through the apply path with its own history entry.</summary>
    public async Task<IReadOnlyList<ApplyResult>> ExecuteAsync(MigrationPlan plan)
    {
        if (plan.UnmappedPhases.Count > 0)
        {
            throw new InvalidOperationException(
                $"Running trajectories are in phases without a place in {plan.To}: {string.Join(", ", plan.UnmappedPhases)}. Map each with old=new.");
        }

        var now = store.Time.GetUtcNow();
        var migration = new Migration(plan.To.Version, plan.PhaseMap);
        var data = JsonSerializer.Serialize(new { van = plan.From.Version, naar = plan.To.Version, fasen = plan.PhaseMap }, StoreJson.Options);
        return await Task.WhenAll(plan.Moves.Select(move => store.ApplyAsync(new IncomingEvent(
            hub.Source,
            $"migratie-{move.TrajectoryId}-{plan.From.Id}-{plan.From.Version}-{plan.To.Version}",
            EventTypes.Migrated,
            move.TrajectoryId,
            now,
            new Sender(hub.Oin, PartnerRole.Hub),
            data,
            Migration: migration))));
    }
}

/// <summary>What a migration would do: which trajectory goes from which phase to which, and which phases have no place.</summary>
public sealed record MigrationPlan(
    DefinitionKey From,
    DefinitionKey To,
    IReadOnlyDictionary<string, string> PhaseMap,
    IReadOnlyList<PlannedMove> Moves,
    IReadOnlyList<string> UnmappedPhases);

public sealed record PlannedMove(string TrajectoryId, string FromPhase, string ToPhase);
