using System.CommandLine;

namespace Schuldketen.Functions.CommandLine;

/// <summary>The <c>schuldketen</c> command: the hub's entry point for operators.</summary>
public static class HubCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Schuldketen: the integration hub of the Dutch debt-help chain.")
        {
            DefinitionsCommand.Create(output, error),
            TrajectoriesCommand.Create(output, error),
            BusCommand.Create(output, error),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
