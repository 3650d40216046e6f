using Schuldketen.Contracts;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Validation;

/// <summary>
/// The rules for what a definition knows per phase besides its transitions: the resident's task, the
/// FHIR Task status a referrer sees (per outcome once the trajectory is closed), the expected duration
/// (only of a phase that can end), and the base phase a renamed phase of a variant stands for. Runs on the definition with its inheritance filled in.
/// </summary>
internal static class PhaseKnowledgeChecks
{
    public static void Check(
        TrajectoryDefinition definition, IEnumerable<Phase> phases, TrajectoryDefinition? standard, Action<string, int, string> report)
    {
        var deadlines = definition.Deadlines.Select(deadline => deadline.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var phase in phases)
        {
            CheckStandsFor(definition, phase, standard, report);
            if (phase.ResidentTask is { DeadlineId: { } deadline } task && !deadlines.Contains(deadline))
            {
                report(Rules.UnknownDeadline, task.Line,
                    $"the resident's task in phase '{phase.Id}' is due by deadline '{deadline}', which this definition does not have");
            }

            if (phase is { Terminal: true, ExpectedDuration: { } expected })
            {
                report(Rules.InvalidValue, expected.Line,
                    $"terminal phase '{phase.Id}' closes the trajectory and has no expected duration: remove 'expected-duration'");
            }

            if (phase.Terminal)
            {
                CheckClosingStatuses(definition, phase, report);
            }
            else
            {
                CheckOpenStatus(definition, phase, report);
            }
        }
    }

    private static void CheckStandsFor(TrajectoryDefinition definition, Phase phase, TrajectoryDefinition? standard, Action<string, int, string> report)
    {
        if (phase.StandsFor is not { } standsFor)
        {
            return;
        }

        if (definition.DerivesFrom is null)
        {
            report(Rules.UnknownBasePhase, phase.Line, $"phase '{phase.Id}' stands for '{standsFor}', but this definition derives from no other");
        }
        else if (standard is not null && standard.FindPhase(standsFor) is null)
        {
            report(Rules.UnknownBasePhase, phase.Line, $"phase '{phase.Id}' stands for '{standsFor}', which {standard.Key} does not have");
        }
    }

    private static void CheckOpenStatus(TrajectoryDefinition definition, Phase phase, Action<string, int, string> report)
    {
        foreach (var misplaced in phase.FhirStatusPerOutcome.Values)
        {
            report(Rules.InvalidValue, misplaced.Line, $"phase '{phase.Id}' is not terminal and has no outcomes: give its status under 'fhir'");
        }

        if (phase.FhirStatus is { } status)
        {
            CheckCode(status, report);
        }
        else if (definition.DerivesFrom is null)
        {
            report(Rules.PhaseWithoutTaskStatus, phase.Line,
                $"phase '{phase.Id}' shows no FHIR Task status to a referrer: add one, e.g. 'fhir: {{ status: {TaskStatusCodes.InProgress} }}'");
        }
    }

    private static void CheckClosingStatuses(TrajectoryDefinition definition, Phase phase, Action<string, int, string> report)
    {
        if (phase.FhirStatus is { } misplaced)
        {
            report(Rules.InvalidValue, misplaced.Line, $"terminal phase '{phase.Id}' shows a status per outcome: give them under 'fhir-per-outcome'");
        }

        foreach (var (outcome, status) in phase.FhirStatusPerOutcome)
        {
            if (!phase.Outcomes.Contains(outcome))
            {
                report(Rules.UnknownOutcome, status.Line, $"'fhir-per-outcome' names outcome '{outcome}', which phase '{phase.Id}' does not list");
            }

            CheckCode(status, report);
        }

        if (definition.DerivesFrom is null)
        {
            foreach (var outcome in phase.Outcomes.Where(outcome => !phase.FhirStatusPerOutcome.ContainsKey(outcome)))
            {
                report(Rules.PhaseWithoutTaskStatus, phase.Line,
                    $"outcome '{outcome}' of phase '{phase.Id}' shows no FHIR Task status to a referrer: add it under 'fhir-per-outcome'");
            }
        }
    }

    private static void CheckCode(FhirTaskStatus status, Action<string, int, string> report)
    {
        if (!TaskStatusCodes.All.Contains(status.Code))
        {
            report(Rules.UnknownTaskStatus, status.Line,
                $"'{status.Code}' is not a FHIR Task status (known: {string.Join(", ", TaskStatusCodes.All)})");
        }
    }
}
