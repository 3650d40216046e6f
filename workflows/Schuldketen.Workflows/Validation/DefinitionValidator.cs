using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Workflows.Validation;

/// <summary>
/// Holds a definition to the rules in <see cref="Rules"/>: that every reference resolves, every
/// phase can be reached and left, that every phase tells a referrer its status, and that a
/// municipal variant keeps every statutory deadline of the standard it derives from, never later
/// than the law allows.
/// </summary>
public sealed class DefinitionValidator(LegalCalendar calendar)
{
    // Variant terms are compared by their ends for every start over two years, so that
    // "20 werkdagen" against "4 weken" is judged by the calendar, not by a conversion factor.
    private static readonly DateOnly ComparisonStart = new(2026, 1, 1);
    private const int ComparisonDays = 731;

    public IReadOnlyList<ValidationFinding> Validate(
        TrajectoryDefinition definition, Func<DefinitionKey, TrajectoryDefinition?> findBase)
    {
        var findings = new List<ValidationFinding>();
        void Report(string rule, int line, string message) =>
            findings.Add(new ValidationFinding(rule, definition.SourcePath, line, message));

        var phases = CheckPhases(definition, Report);
        CheckTransitions(definition, phases, Report);
        var reachable = CheckReachability(definition, phases, Report);
        CheckMainPath(definition, phases, Report);
        CheckDeadlines(definition, phases, reachable, Report);
        var standard = definition.DerivesFrom is { } baseKey ? findBase(baseKey) : null;
        PhaseKnowledgeChecks.Check(definition, phases.Values, standard, Report);
        if (definition.DerivesFrom is not null)
        {
            CheckVariant(definition, definition.DerivesFrom, standard, Report);
        }

        return findings.OrderBy(finding => finding.Line).ToList();
    }

    private static Dictionary<string, Phase> CheckPhases(TrajectoryDefinition definition, Action<string, int, string> report)
    {
        var phases = new Dictionary<string, Phase>(StringComparer.Ordinal);
        foreach (var phase in definition.Phases)
        {
            if (!phases.TryAdd(phase.Id, phase))
            {
                report(Rules.DuplicateId, phase.Line, $"phase '{phase.Id}' is defined twice (first on line {phases[phase.Id].Line})");
                continue;
            }

            if (phase.Terminal && phase.Outcomes.Count == 0)
            {
                report(Rules.TerminalWithoutOutcome, phase.Line, $"terminal phase '{phase.Id}' must list its outcomes");
            }

            if (!phase.Terminal && phase.Outcomes.Count > 0)
            {
                report(Rules.InvalidValue, phase.Line, $"phase '{phase.Id}' lists outcomes but is not terminal");
            }

            var hasExit = definition.TransitionsFrom(phase.Id).Any();
            if (!phase.Terminal && !hasExit)
            {
                report(Rules.PhaseWithoutExit, phase.Line, $"phase '{phase.Id}' is not terminal, but no transition leaves it");
            }

            if (phase.Terminal && hasExit)
            {
                report(Rules.TerminalWithExit, phase.Line, $"terminal phase '{phase.Id}' has transitions leaving it");
            }
        }

        return phases;
    }

    private static void CheckTransitions(
        TrajectoryDefinition definition, Dictionary<string, Phase> phases, Action<string, int, string> report)
    {
        if (!phases.ContainsKey(definition.InitialPhase))
        {
            report(Rules.UnknownPhase, definition.Lines.Initial, $"initial phase '{definition.InitialPhase}' is not defined");
        }

        var seen = new Dictionary<(string Event, string From, string? Guard), int>();
        foreach (var transition in definition.Transitions)
        {
            if (!EventCatalogue.Contains(transition.EventType))
            {
                report(Rules.UnknownEventType, transition.Line, $"event type '{transition.EventType}' is not in the catalogue");
            }

            foreach (var role in transition.Roles.Where(role => !PartnerRoles.TryParse(role, out _)))
            {
                report(Rules.UnknownRole, transition.Line,
                    $"role '{role}' is unknown (known: {string.Join(", ", PartnerRoles.All.Select(r => r.WireName()))})");
            }

            if (transition.Roles.Count == 0)
            {
                report(Rules.MissingField, transition.Line, $"transition on '{transition.EventType}' names no role that may send it");
            }

            if (transition.Guard is { } guard && !Guards.All.Contains(guard))
            {
                report(Rules.UnknownGuard, transition.Line, $"guard '{guard}' is unknown (known: {string.Join(", ", Guards.All)})");
            }

            foreach (var from in transition.From)
            {
                if (!phases.ContainsKey(from))
                {
                    report(Rules.UnknownPhase, transition.Line, $"transition on '{transition.EventType}' leaves unknown phase '{from}'");
                }
                else if (!seen.TryAdd((transition.EventType, from, transition.Guard), transition.Line))
                {
                    report(Rules.DuplicateId, transition.Line,
                        $"'{transition.EventType}' from '{from}' is already defined on line {seen[(transition.EventType, from, transition.Guard)]}");
                }
            }

            if (!phases.TryGetValue(transition.To, out var target))
            {
                report(Rules.UnknownPhase, transition.Line, $"transition on '{transition.EventType}' enters unknown phase '{transition.To}'");
            }
            else if (target.Terminal && transition.Outcomes.Count == 0)
            {
                report(Rules.MissingOutcome, transition.Line,
                    $"transition into terminal phase '{target.Id}' must name its outcomes (one of: {string.Join(", ", target.Outcomes)})");
            }
            else if (!target.Terminal && transition.Outcomes.Count > 0)
            {
                report(Rules.InvalidValue, transition.Line, $"only a transition into a terminal phase has outcomes; '{target.Id}' is not terminal");
            }
            else
            {
                foreach (var outcome in transition.Outcomes.Where(outcome => !target.Outcomes.Contains(outcome)))
                {
                    report(Rules.UnknownOutcome, transition.Line, $"outcome '{outcome}' is not an outcome of phase '{target.Id}'");
                }
            }
        }
    }

    private static HashSet<string> CheckReachability(
        TrajectoryDefinition definition, Dictionary<string, Phase> phases, Action<string, int, string> report)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (phases.ContainsKey(definition.InitialPhase))
        {
            reachable.Add(definition.InitialPhase);
            queue.Enqueue(definition.InitialPhase);
        }

        while (queue.TryDequeue(out var phase))
        {
            foreach (var transition in definition.TransitionsFrom(phase))
            {
                if (phases.ContainsKey(transition.To) && reachable.Add(transition.To))
                {
                    queue.Enqueue(transition.To);
                }
            }
        }

        foreach (var phase in phases.Values.Where(phase => !reachable.Contains(phase.Id)))
        {
            report(Rules.UnreachablePhase, phase.Line,
                $"phase '{phase.Id}' cannot be reached from the initial phase '{definition.InitialPhase}'");
        }

        return reachable;
    }

    private static void CheckMainPath(
        TrajectoryDefinition definition, Dictionary<string, Phase> phases, Action<string, int, string> report)
    {
        var path = definition.MainPath;
        foreach (var phase in path.Where(phase => !phases.ContainsKey(phase)))
        {
            report(Rules.UnknownPhase, definition.Lines.MainPath, $"main-path names unknown phase '{phase}'");
        }

        if (path.Count > 0 && path[0] != definition.InitialPhase)
        {
            report(Rules.MainPathBroken, definition.Lines.MainPath, $"main-path must begin with the initial phase '{definition.InitialPhase}'");
        }

        for (var i = 1; i < path.Count; i++)
        {
            var (from, to) = (path[i - 1], path[i]);
            if (!definition.TransitionsFrom(from).Any(transition => transition.To == to))
            {
                report(Rules.MainPathBroken, definition.Lines.MainPath, $"main-path goes from '{from}' to '{to}', but no transition does");
            }
        }
    }

    private static void CheckDeadlines(
        TrajectoryDefinition definition,
        Dictionary<string, Phase> phases,
        HashSet<string> reachable,
        Action<string, int, string> report)
    {
        var happeningEvents = definition.Transitions
            .Where(transition => transition.From.Any(reachable.Contains))
            .Select(transition => transition.EventType)
            .Concat(definition.Deadlines.Select(deadline => deadline.OnExpiry))
            .ToHashSet(StringComparer.Ordinal);

        void CheckMoment(Deadline deadline, Moment moment, string role)
        {
            switch (moment.Kind)
            {
                case MomentKind.PhaseEntered when !phases.ContainsKey(moment.Reference!):
                    report(Rules.UnknownPhase, moment.Line, $"deadline '{deadline.Id}' {role} at unknown phase '{moment.Reference}'");
                    break;
                case MomentKind.PhaseEntered when !reachable.Contains(moment.Reference!):
                    report(Rules.ImpossibleMoment, moment.Line,
                        $"deadline '{deadline.Id}' {role} when phase '{moment.Reference}' is entered, which can never happen");
                    break;
                case MomentKind.EventApplied when !EventCatalogue.Contains(moment.Reference!):
                    report(Rules.UnknownEventType, moment.Line, $"deadline '{deadline.Id}' {role} at unknown event type '{moment.Reference}'");
                    break;
                case MomentKind.EventApplied when !happeningEvents.Contains(moment.Reference!):
                    report(Rules.ImpossibleMoment, moment.Line,
                        $"deadline '{deadline.Id}' {role} at event '{moment.Reference}', which no transition of this definition accepts");
                    break;
                case MomentKind.Start when role == "stops":
                    report(Rules.ImpossibleMoment, moment.Line, $"deadline '{deadline.Id}' cannot stop at the start of the trajectory");
                    break;
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var deadline in definition.Deadlines)
        {
            if (!ids.TryAdd(deadline.Id, deadline.Line))
            {
                report(Rules.DuplicateId, deadline.Line, $"deadline '{deadline.Id}' is defined twice (first on line {ids[deadline.Id]})");
            }

            CheckMoment(deadline, deadline.From, "starts");
            foreach (var until in deadline.Until)
            {
                CheckMoment(deadline, until, "stops");
            }

            if (!EventCatalogue.Contains(deadline.OnExpiry))
            {
                report(Rules.UnknownEventType, deadline.Line, $"deadline '{deadline.Id}' raises unknown event type '{deadline.OnExpiry}'");
            }

            if (!PartnerRoles.TryParse(deadline.Responsible, out _))
            {
                report(Rules.UnknownRole, deadline.Line, $"deadline '{deadline.Id}' is the responsibility of unknown role '{deadline.Responsible}'");
            }

            if (deadline.IsStatutory && string.IsNullOrWhiteSpace(deadline.Basis.Reference))
            {
                report(Rules.StatutoryWithoutReference, deadline.Line,
                    $"deadline '{deadline.Id}' has basis 'wet' and must name its article in 'reference'");
            }
        }
    }

    private void CheckVariant(
        TrajectoryDefinition variant,
        DefinitionKey baseKey,
        TrajectoryDefinition? standard,
        Action<string, int, string> report)
    {
        if (standard is null)
        {
            report(Rules.UnknownBaseDefinition, variant.Lines.DerivesFrom, $"derives from {baseKey}, which is not among the loaded definitions");
            return;
        }

        foreach (var statutory in standard.Deadlines.Where(deadline => deadline.IsStatutory))
        {
            var own = variant.Deadlines.FirstOrDefault(deadline => deadline.Id == statutory.Id);
            if (own is null || !own.IsStatutory)
            {
                report(Rules.StatutoryDeadlineDropped, own?.Line ?? variant.Lines.DerivesFrom,
                    $"statutory deadline '{statutory.Id}' ({statutory.Length}, {statutory.Basis.Reference}) of {baseKey} must stay, with basis 'wet'");
                continue;
            }

            if (own.From.Kind != statutory.From.Kind || own.From.Reference != statutory.From.Reference)
            {
                report(Rules.StatutoryDeadlineMoved, own.From.Line,
                    $"statutory deadline '{own.Id}' must start at {statutory.From}, as in {baseKey}");
            }

            if (EndsLater(own.Length, statutory.Length))
            {
                report(Rules.StatutoryDeadlineLengthened, own.DurationLine,
                    $"statutory deadline '{own.Id}' is {own.Length}, longer than the {statutory.Length} of {baseKey}; a variant may only shorten it");
            }
        }
    }

    private bool EndsLater(TermLength candidate, TermLength limit) =>
        Enumerable.Range(0, ComparisonDays)
            .Select(ComparisonStart.AddDays)
            .Any(start => calendar.EndOfTerm(start, candidate, statutory: true) > calendar.EndOfTerm(start, limit, statutory: true));
}
