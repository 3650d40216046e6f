using Schuldketen.Functions.CommandLine;
using Schuldketen.Functions.Hosting;

if (args is ["definitions" or "trajectories" or "bus", ..])
{
    return HubCommandLine.Run(args, Console.Out, Console.Error);
}

await HubHost.Build(args).RunAsync();
return 0;
