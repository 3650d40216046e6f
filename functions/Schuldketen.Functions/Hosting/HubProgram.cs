using Microsoft.Extensions.Options;
using Schuldketen.Functions.CommandLine;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Functions.Hosting;

/// <summary>
/// The program: an operator's command, or the hub until it is stopped. A hub whose settings are broken does not
/// start: it writes one line per broken setting (which one, and what to fix) and exits with <see cref="BrokenSettings"/>.
/// </summary>
public static class HubProgram
{
    public const int BrokenSettings = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is ["definitions" or "trajectories" or "bus", ..])
        {
            return HubCommandLine.Run(args, output, error);
        }

        WebApplication app;
        try
        {
            app = HubHost.Build(args, builder => builder.Services.AddSingleton(new DemoOutput(output)));
        }
        catch (Exception refused) when (Failures(refused) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await error.WriteLineAsync(failure);
            }

            return BrokenSettings;
        }

        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(invalid => invalid.Failures).Distinct().ToList(),
        _ => [],
    };
}
