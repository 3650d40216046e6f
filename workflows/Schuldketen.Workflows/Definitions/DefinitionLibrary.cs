using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Validation;

namespace Schuldketen.Workflows.Definitions;

/// <summary>
/// The valid definitions, every version of each, so that a trajectory keeps running on the
/// version it started on while newer versions are added beside it.
/// </summary>
public sealed class DefinitionLibrary
{
    private readonly Dictionary<DefinitionKey, TrajectoryDefinition> byKey;

    private DefinitionLibrary(IEnumerable<TrajectoryDefinition> definitions) =>
        byKey = definitions.ToDictionary(definition => definition.Key);

    /// <summary>The folder the shipped definitions are copied to, beside the running program.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "definitions");

    public IReadOnlyCollection<TrajectoryDefinition> All => byKey.Values;

    public static IReadOnlyList<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();

    /// <summary>Loads the shipped definitions; the hub refuses to run on a broken one.</summary>
    public static DefinitionLibrary LoadShipped(LegalCalendar calendar)
    {
        var result = Load(FilesIn(ShippedFolder), [], calendar);
        return result.Findings.Count == 0
            ? result.Library
            : throw new InvalidOperationException(
                "The shipped definitions are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Findings));
    }

    /// <summary>
    /// Reads and validates <paramref name="files"/>. A variant may derive from a definition in
    /// <paramref name="baseFiles"/>, which are read but not reported on, unless a file of
    /// <paramref name="files"/> has the same id and version.
    /// </summary>
    public static DefinitionLoadResult Load(IReadOnlyList<string> files, IReadOnlyList<string> baseFiles, LegalCalendar calendar)
    {
        var findings = new List<ValidationFinding>();
        var candidates = new Dictionary<DefinitionKey, TrajectoryDefinition>();
        foreach (var file in files)
        {
            var read = DefinitionReader.ReadFile(file);
            findings.AddRange(read.Findings);
            if (read.Definition is not { } definition)
            {
                continue;
            }

            if (!candidates.TryAdd(definition.Key, definition))
            {
                findings.Add(new ValidationFinding(Rules.DuplicateId, file, 1,
                    $"{definition.Key} is also defined in {candidates[definition.Key].SourcePath}"));
            }
        }

        var bases = baseFiles
            .Select(file => DefinitionReader.ReadFile(file).Definition)
            .OfType<TrajectoryDefinition>()
            .Where(definition => !candidates.ContainsKey(definition.Key))
            .ToDictionary(definition => definition.Key);

        var validator = new DefinitionValidator(calendar);
        var valid = new List<TrajectoryDefinition>();
        TrajectoryDefinition? Find(DefinitionKey key) => candidates.GetValueOrDefault(key) ?? bases.GetValueOrDefault(key);
        foreach (var definition in candidates.Values.Select(candidate => PhaseInheritance.Resolve(candidate, Find)))
        {
            findings.AddRange(validator.Validate(definition, Find));
            if (!findings.Any(finding => finding.File == definition.SourcePath))
            {
                valid.Add(definition);
            }
        }

        return new DefinitionLoadResult(new DefinitionLibrary(valid), findings);
    }

    public TrajectoryDefinition? Find(DefinitionKey key) => byKey.GetValueOrDefault(key);

    public TrajectoryDefinition Get(DefinitionKey key) =>
        Find(key) ?? throw new KeyNotFoundException($"Definition {key} is not loaded.");

    public TrajectoryDefinition? Latest(string id) =>
        byKey.Values.Where(definition => definition.Id == id).MaxBy(definition => definition.Version);
}

public sealed record DefinitionLoadResult(DefinitionLibrary Library, IReadOnlyList<ValidationFinding> Findings);
