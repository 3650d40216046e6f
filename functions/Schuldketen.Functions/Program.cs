using Schuldketen.Functions.CommandLine;

return HubCommandLine.Run(args, Console.Out, Console.Error);
