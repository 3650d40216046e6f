using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;

namespace Schuldketen.Functions.Demo;

/// <summary>
/// In the embedded default: seeds the demo data into an empty database and prints where the hub
/// listens and, one per line, <c>&lt;role&gt; &lt;organisation&gt; &lt;token&gt;</c> for every demo organisation.
/// </summary>
public sealed class DemoStartup(DemoSeed seed, EmbeddedTokenIssuer issuer, IOptions<DemoOptions> options, IServer server, DemoOutput demoOutput) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData)
        {
            return;
        }

        var seeded = await seed.SeedIfEmptyAsync(cancellationToken);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var output = demoOutput.Writer;
        if (seeded > 0)
        {
            output.WriteLine($"Seeded {seeded} demo trajectories.");
        }

        foreach (var address in addresses)
        {
            output.WriteLine($"Schuldketen listens on {address}  (API: {address}/api/v1/docs, health: {address}/health/ready)");
        }

        output.WriteLine("Demo tokens (role organisation token):");
        foreach (var organisation in DemoOrganisations.All)
        {
            output.WriteLine($"{organisation.Role.WireName()} {organisation.Oin} {issuer.Issue(organisation.Oin, organisation.Role, name: organisation.Name)}");
        }

        await output.FlushAsync(cancellationToken);
    }

    // Only the moment after start matters: by then Kestrel knows the addresses it listens on.
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
