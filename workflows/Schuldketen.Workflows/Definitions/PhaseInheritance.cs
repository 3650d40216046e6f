using Schuldketen.Workflows.Residents;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// Fills in what a variant's phases do not set themselves: the resident's task, the FHIR status and the
/// expected duration come from the base phase it <see cref="Phase.StandsFor"/> (else the base phase of the same id), and
/// each outcome's FHIR status from the base, by outcome. An inherited task keeps the deadline that
/// says by when only if the variant has that deadline too: a variant may drop a clock that is not
/// law, and the task then has no date. Inherited values carry the line of the variant's phase, so a
/// finding about one points into the variant's own file.
/// </summary>
public static class PhaseInheritance
{
    public static TrajectoryDefinition Resolve(TrajectoryDefinition definition, Func<DefinitionKey, TrajectoryDefinition?> find) =>
        Resolve(definition, find, []);

    private static TrajectoryDefinition Resolve(
        TrajectoryDefinition definition, Func<DefinitionKey, TrajectoryDefinition?> find, HashSet<DefinitionKey> resolving)
    {
        if (definition.DerivesFrom is not { } baseKey || find(baseKey) is not { } found || !resolving.Add(definition.Key))
        {
            return definition;
        }

        var standard = Resolve(found, find, resolving);
        var deadlines = definition.Deadlines.Select(deadline => deadline.Id).ToHashSet(StringComparer.Ordinal);
        return definition with { Phases = definition.Phases.Select(phase => Inherit(phase, standard, deadlines)).ToList() };
    }

    private static Phase Inherit(Phase phase, TrajectoryDefinition standard, HashSet<string> deadlines)
    {
        var source = standard.FindPhase(phase.StandsFor ?? phase.Id);
        var perOutcome = new Dictionary<string, FhirTaskStatus>(phase.FhirStatusPerOutcome, StringComparer.Ordinal);
        foreach (var outcome in phase.Outcomes.Where(outcome => !perOutcome.ContainsKey(outcome)))
        {
            if (BaseStatusOf(outcome, source, standard) is { } inherited)
            {
                perOutcome[outcome] = inherited with { Line = phase.Line };
            }
        }

        return phase with
        {
            ResidentTask = phase.ResidentTask ?? InheritedTask(phase, source, deadlines),
            FhirStatus = phase.FhirStatus ?? (!phase.Terminal && source?.FhirStatus is { } status ? status with { Line = phase.Line } : null),
            FhirStatusPerOutcome = perOutcome,
            ExpectedDuration = phase.ExpectedDuration
                ?? (!phase.Terminal && source?.ExpectedDuration is { } expected ? expected with { Line = phase.Line } : null),
        };
    }

    private static ResidentTask? InheritedTask(Phase phase, Phase? source, HashSet<string> deadlines) =>
        source?.ResidentTask is { } task
            ? task with { DeadlineId = task.DeadlineId is { } id && deadlines.Contains(id) ? id : null, Line = phase.Line }
            : null;

    /// <summary>The base phase the variant's phase stands for decides first; otherwise any closing phase of the base with this outcome.</summary>
    private static FhirTaskStatus? BaseStatusOf(string outcome, Phase? source, TrajectoryDefinition standard) =>
        source?.FhirStatusPerOutcome.GetValueOrDefault(outcome)
        ?? standard.Phases.Select(candidate => candidate.FhirStatusPerOutcome.GetValueOrDefault(outcome)).FirstOrDefault(status => status is not null);
}
