using System.Globalization;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// Reads a definition file through YamlDotNet's representation model, which keeps the line
/// of every node, so every finding can name the line a policy officer has to fix.
/// </summary>
public sealed class DefinitionReader
{
    private static readonly string[] TopFields =
        ["id", "version", "title", "derives-from", "initial", "main-path", "phases", "transitions", "deadlines"];
    private static readonly string[] PhaseFields =
        ["id", "title", "resident", "terminal", "outcomes", "stands-for", "resident-task", "fhir", "fhir-per-outcome", "expected-duration"];
    private static readonly string[] ResidentTaskFields = ["text", "must-act", "deadline", "hand-in"];
    private static readonly string[] FhirFields = ["status", "reason"];
    private static readonly string[] ExpectedDurationFields = ["duration", "basis", "reference"];
    private static readonly string[] TransitionFields = ["on", "from", "to", "roles", "guard", "outcomes"];
    private static readonly string[] DeadlineFields =
        ["id", "title", "duration", "from", "until", "basis", "reference", "responsible", "on-expiry"];

    private readonly string file;
    private readonly List<ValidationFinding> findings = [];

    private DefinitionReader(string file) => this.file = file;

    public static DefinitionReadResult ReadFile(string path) => Read(File.ReadAllText(path), path);

    public static DefinitionReadResult Read(string yaml, string file)
    {
        var reader = new DefinitionReader(file);
        var definition = reader.ReadDocument(yaml);
        return new DefinitionReadResult(definition, reader.findings);
    }

    private TrajectoryDefinition? ReadDocument(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            Report(Rules.YamlSyntax, (int)error.Start.Line, error.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Report(Rules.InvalidValue, 1, "a definition is a mapping with id, version, phases, transitions and deadlines");
            return null;
        }

        CheckFields(root, TopFields, "definition");
        var id = RequiredScalar(root, "id");
        var version = RequiredInt(root, "version");
        var title = RequiredScalar(root, "title");
        var initial = RequiredScalar(root, "initial");
        var mainPath = ScalarList(root, "main-path", required: true);
        var derivesFrom = Child(root, "derives-from") is { } baseNode ? ReadKey(baseNode) : null;
        var phases = Sequence(root, "phases").Select(ReadPhase).OfType<Phase>().ToList();
        var transitions = Sequence(root, "transitions").Select(ReadTransition).OfType<Transition>().ToList();
        var deadlines = Sequence(root, "deadlines").Select(ReadDeadline).OfType<Deadline>().ToList();

        if (id is null || version is null || title is null || initial is null)
        {
            return null;
        }

        var lines = new DefinitionLines(LineOf(root, "initial"), LineOf(root, "main-path"), LineOf(root, "derives-from"));
        return new TrajectoryDefinition(
            id, version.Value, title, derivesFrom, initial, mainPath, phases, transitions, deadlines, file, lines);
    }

    private DefinitionKey? ReadKey(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(Rules.InvalidValue, Line(node), "derives-from needs an id and a version");
            return null;
        }

        CheckFields(mapping, ["id", "version"], "derives-from");
        var id = RequiredScalar(mapping, "id");
        var version = RequiredInt(mapping, "version");
        return id is null || version is null ? null : new DefinitionKey(id, version.Value);
    }

    private Phase? ReadPhase(YamlMappingNode node)
    {
        CheckFields(node, PhaseFields, "phase");
        var id = RequiredScalar(node, "id");
        var title = RequiredScalar(node, "title");
        var resident = RequiredScalar(node, "resident");
        var terminal = Bool(node, "terminal");
        var outcomes = ScalarList(node, "outcomes", required: false);
        var standsFor = OptionalScalar(node, "stands-for");
        var task = Mapping(node, "resident-task") is { } taskNode ? ReadResidentTask(taskNode) : null;
        var fhir = Mapping(node, "fhir") is { } fhirNode ? ReadFhirStatus(fhirNode) : null;
        var perOutcome = ReadFhirStatusPerOutcome(node);
        var expected = Mapping(node, "expected-duration") is { } expectedNode ? ReadExpectedDuration(expectedNode) : null;
        return id is null || title is null || resident is null
            ? null
            : new Phase(id, title, resident, terminal, outcomes, Line(node), standsFor, task, fhir, perOutcome, expected);
    }

    private ResidentTask? ReadResidentTask(YamlMappingNode node)
    {
        CheckFields(node, ResidentTaskFields, "resident-task");
        var text = RequiredScalar(node, "text");
        var mustAct = Bool(node, "must-act");
        var deadline = OptionalScalar(node, "deadline");
        return text is null ? null : new ResidentTask(text, mustAct, deadline, Line(node), Bool(node, "hand-in"));
    }

    private ExpectedDuration? ReadExpectedDuration(YamlMappingNode node)
    {
        CheckFields(node, ExpectedDurationFields, "expected-duration");
        var length = ReadLength(node);
        var basisText = RequiredScalar(node, "basis");
        var reference = RequiredScalar(node, "reference");
        EstimateBasis? basis = basisText switch
        {
            "wet" => EstimateBasis.Law,
            "richtlijn" => EstimateBasis.Guideline,
            "beleid" => EstimateBasis.Policy,
            "ervaring" => EstimateBasis.Experience,
            _ => null,
        };
        if (basis is null && basisText is not null)
        {
            Invalid(Child(node, "basis")!, $"basis '{basisText}' of an expected duration must be wet, richtlijn, beleid or ervaring");
        }

        return length is null || basis is null || reference is null ? null : new ExpectedDuration(length.Value, basis.Value, reference, Line(node));
    }

    private FhirTaskStatus? ReadFhirStatus(YamlMappingNode node)
    {
        CheckFields(node, FhirFields, "fhir");
        var status = RequiredScalar(node, "status");
        var reason = OptionalScalar(node, "reason");
        return status is null ? null : new FhirTaskStatus(status, reason, Line(node));
    }

    private Dictionary<string, FhirTaskStatus> ReadFhirStatusPerOutcome(YamlMappingNode node)
    {
        var statuses = new Dictionary<string, FhirTaskStatus>(StringComparer.Ordinal);
        if (Mapping(node, "fhir-per-outcome") is not { } perOutcome)
        {
            return statuses;
        }

        foreach (var (key, value) in perOutcome.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } outcome } || value is not YamlMappingNode statusNode)
            {
                Invalid(key, "each entry of 'fhir-per-outcome' is an outcome with its status, e.g. 'uitval: { status: failed }'");
            }
            else if (ReadFhirStatus(statusNode) is { } status)
            {
                statuses[outcome] = status;
            }
        }

        return statuses;
    }

    private Transition? ReadTransition(YamlMappingNode node)
    {
        CheckFields(node, TransitionFields, "transition");
        var eventType = RequiredScalar(node, "on");
        var from = ScalarList(node, "from", required: true);
        var to = RequiredScalar(node, "to");
        var roles = ScalarList(node, "roles", required: false);
        var guard = OptionalScalar(node, "guard");
        var outcomes = ScalarList(node, "outcomes", required: false);
        return eventType is null || to is null || from.Count == 0
            ? null
            : new Transition(eventType, from, to, roles, guard, outcomes, Line(node));
    }

    private Deadline? ReadDeadline(YamlMappingNode node)
    {
        CheckFields(node, DeadlineFields, "deadline");
        var id = RequiredScalar(node, "id");
        var title = RequiredScalar(node, "title");
        var length = ReadLength(node);
        var from = Child(node, "from") is { } fromNode ? ReadMoment(fromNode) : Missing<Moment>(node, "from");
        var until = ReadMoments(node, "until");
        var basis = ReadBasis(node);
        var responsible = RequiredScalar(node, "responsible");
        var onExpiry = RequiredScalar(node, "on-expiry");
        return id is null || title is null || length is null || from is null || basis is null
               || responsible is null || onExpiry is null
            ? null
            : new Deadline(id, title, length.Value, from, until, basis, responsible, onExpiry, Line(node), LineOf(node, "duration"));
    }

    private TermLength? ReadLength(YamlMappingNode node)
    {
        var text = RequiredScalar(node, "duration");
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        TermUnit? unit = parts.Length == 2 ? parts[1] switch
        {
            "dag" or "dagen" => TermUnit.Days,
            "week" or "weken" => TermUnit.Weeks,
            "maand" or "maanden" => TermUnit.Months,
            "werkdag" or "werkdagen" => TermUnit.WorkingDays,
            _ => null,
        } : null;
        if (unit is null || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            Invalid(Child(node, "duration")!, $"duration '{text}' must be a positive number and dagen, weken, maanden or werkdagen, e.g. '4 weken'");
            return null;
        }

        return new TermLength(amount, unit.Value);
    }

    private DeadlineBasis? ReadBasis(YamlMappingNode node)
    {
        var text = RequiredScalar(node, "basis");
        var reference = OptionalScalar(node, "reference");
        BasisKind? kind = text switch
        {
            "wet" => BasisKind.Law,
            "richtlijn" => BasisKind.Guideline,
            "beleid" => BasisKind.Policy,
            null => null,
            _ => null,
        };
        if (kind is null && text is not null)
        {
            Invalid(Child(node, "basis")!, $"basis '{text}' must be wet, richtlijn or beleid");
        }

        return kind is null ? null : new DeadlineBasis(kind.Value, reference);
    }

    private List<Moment> ReadMoments(YamlMappingNode node, string key)
    {
        return Child(node, key) switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children.Select(ReadMoment).OfType<Moment>().ToList(),
            var single => ReadMoment(single) is { } moment ? [moment] : [],
        };
    }

    private Moment? ReadMoment(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Value: "start" }:
                return new Moment(MomentKind.Start, null, Line(node));
            case YamlMappingNode { Children.Count: 1 } mapping:
                var (key, value) = mapping.Children.Single();
                var kind = ((YamlScalarNode)key).Value switch
                {
                    "phase" => MomentKind.PhaseEntered,
                    "event" => MomentKind.EventApplied,
                    _ => (MomentKind?)null,
                };
                if (kind is not null && value is YamlScalarNode { Value: { Length: > 0 } reference })
                {
                    return new Moment(kind.Value, reference, Line(node));
                }

                break;
        }

        Invalid(node, "a moment is 'start', '{ phase: <phase id> }' or '{ event: <event type> }'");
        return null;
    }

    private void CheckFields(YamlMappingNode node, string[] known, string what)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value))
            {
                Report(Rules.UnknownField, Line(key), $"{what} has no field '{key.Value}' (known: {string.Join(", ", known)})");
            }
        }
    }

    private YamlMappingNode? Mapping(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return mapping;
            case var other:
                Invalid(other, $"'{key}' must be a mapping");
                return null;
        }
    }

    private IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null:
                Report(Rules.MissingField, Line(node), $"'{key}' is missing");
                yield break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        yield return mapping;
                    }
                    else
                    {
                        Report(Rules.InvalidValue, Line(item), $"each entry of '{key}' must be a mapping");
                    }
                }

                break;
            case var other:
                Report(Rules.InvalidValue, Line(other), $"'{key}' must be a list");
                break;
        }
    }

    private List<string> ScalarList(YamlMappingNode node, string key, bool required)
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Report(Rules.MissingField, Line(node), $"'{key}' is missing");
                }

                return [];
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [single];
            case YamlSequenceNode { Children.Count: 0 } empty when required:
                Invalid(empty, $"'{key}' must not be empty");
                return [];
            case YamlSequenceNode sequence when sequence.Children.All(item => item is YamlScalarNode { Value.Length: > 0 }):
                return sequence.Children.Cast<YamlScalarNode>().Select(item => item.Value!).ToList();
            case var other:
                Report(Rules.InvalidValue, Line(other), $"'{key}' must be a value or a list of values");
                return [];
        }
    }

    private string? RequiredScalar(YamlMappingNode node, string key) =>
        Child(node, key) is null ? Missing<string>(node, key) : OptionalScalar(node, key);

    private string? OptionalScalar(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null:
                return null;
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case var other:
                Invalid(other, $"'{key}' must be a non-empty value");
                return null;
        }
    }

    private int? RequiredInt(YamlMappingNode node, string key)
    {
        var text = RequiredScalar(node, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Invalid(Child(node, key)!, $"'{key}' must be a positive whole number, not '{text}'");
        return null;
    }

    private bool Bool(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null or YamlScalarNode { Value: "false" }:
                return false;
            case YamlScalarNode { Value: "true" }:
                return true;
            case var other:
                Invalid(other, $"'{key}' must be true or false");
                return false;
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private T? Missing<T>(YamlNode node, string key)
        where T : class
    {
        Report(Rules.MissingField, Line(node), $"'{key}' is missing");
        return default;
    }

    private void Invalid(YamlNode node, string message) => Report(Rules.InvalidValue, Line(node), message);

    private void Report(string rule, int line, string message) => findings.Add(new ValidationFinding(rule, file, line, message));

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int LineOf(YamlMappingNode node, string key) => Child(node, key) is { } child ? Line(child) : Line(node);
}

public sealed record DefinitionReadResult(TrajectoryDefinition? Definition, IReadOnlyList<ValidationFinding> Findings);
