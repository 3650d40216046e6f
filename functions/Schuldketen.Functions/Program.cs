using Schuldketen.Functions.Hosting;

return await HubProgram.RunAsync(args, Console.Out, Console.Error);
