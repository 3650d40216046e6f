using System.CommandLine;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;

namespace Schuldketen.Functions.CommandLine;

/// <summary><c>definitions validate</c> and <c>definitions render</c>: checking and drawing trajectory definitions.</summary>
public static class DefinitionsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        return new Command("definitions", "Check and draw trajectory definitions.")
        {
            Validate(output, error),
            Render(output, error),
        };
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Definition files or folders; by default the definitions shipped with the hub.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Validate definitions; exits 1 when any rule is broken.") { paths };
        command.SetAction(parseResult =>
        {
            var shipped = DefinitionLibrary.FilesIn(DefinitionLibrary.ShippedFolder);
            var given = parseResult.GetValue(paths) is { Length: > 0 } named
                ? named.SelectMany(path => Directory.Exists(path) ? DefinitionLibrary.FilesIn(path) : [Path.GetFullPath(path)]).ToList()
                : shipped;
            var missing = given.Where(file => !File.Exists(file)).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"No such file: {string.Join(", ", missing)}");
                return 2;
            }

            var result = DefinitionLibrary.Load(given, shipped, LegalCalendar.Default);
            foreach (var finding in result.Findings)
            {
                error.WriteLine(finding);
            }

            foreach (var definition in result.Library.All.OrderBy(definition => definition.SourcePath, StringComparer.Ordinal))
            {
                output.WriteLine($"ok {definition.Key} ({definition.SourcePath})");
            }

            return result.Findings.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Render(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The definition id, e.g. wgs-standaard." };
        var version = new Option<int?>("--version") { Description = "The version to draw; the newest by default." };
        var command = new Command("render", "Print a definition as a Mermaid state diagram.") { id, version };
        command.SetAction(parseResult =>
        {
            var library = DefinitionLibrary.LoadShipped(LegalCalendar.Default);
            var wanted = parseResult.GetValue(id)!;
            var definition = parseResult.GetValue(version) is { } number
                ? library.Find(new DefinitionKey(wanted, number))
                : library.Latest(wanted);
            if (definition is null)
            {
                error.WriteLine($"No definition '{wanted}'{(parseResult.GetValue(version) is { } v ? $" version {v}" : "")}. Known: "
                                + string.Join(", ", library.All.Select(known => known.Key)));
                return 1;
            }

            output.WriteLine(new TrajectoryEngine(library).RenderMermaid(definition.Key));
            return 0;
        });
        return command;
    }
}
