using Microsoft.Extensions.Hosting;
using Schuldketen.Functions.Worker;

WorkerHost.Build(args).Run();
