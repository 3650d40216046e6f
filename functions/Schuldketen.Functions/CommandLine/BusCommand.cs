using System.CommandLine;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Functions.CommandLine;

/// <summary><c>schuldketen bus provision</c>: declares the RabbitMQ topology the configured bus needs (Schuldketen__Bus__* settings).</summary>
public static class BusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var provision = new Command("provision", "Declare the exchanges and quorum queues of the configured RabbitMQ bus (idempotent).");
        provision.SetAction(async (_, cancellationToken) =>
        {
            var options = StoreLocation.ConfiguredBus;
            if (options.Profile != BusProfile.RabbitMq)
            {
                await error.WriteLineAsync("This command provisions RabbitMQ (Schuldketen__Bus__Profile=RabbitMq); create Service Bus entities as the README describes.");
                return 2;
            }

            await RabbitMqTopology.ProvisionAsync(options, cancellationToken);
            await output.WriteLineAsync($"Provisioned {options.Prefix}.uit and the queues of {options.Partners.Count} partner role(s).");
            return 0;
        });
        return new Command("bus", "The message bus.") { provision };
    }
}
