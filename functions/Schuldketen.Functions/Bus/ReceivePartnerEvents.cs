using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Signals;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Intake;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Functions.Bus;

/// <summary>
/// Bus trigger: reads every partner's intake queue into the same intake path as HTTP (same checks,
/// same inbox), the queue naming the sender. Settles as the Azure Functions Service Bus trigger:
/// complete when applied (or a repeat), dead-letter at once with the broken rule when the event
/// is refused (a retry cannot change that), abandon on an exception, and dead-letter with the
/// error after <see cref="BusOptions.MaxDeliveryCount"/> attempts. A signal partner's signal (not a trajectory event)
/// goes to <see cref="SignalBusIntake"/> and is settled the same way. A broker that pushes (Service Bus's processor,
/// <see cref="IBusProcessorHost"/>) hands each message to the same handling; the others are polled in batches.
/// </summary>
public sealed class ReceivePartnerEvents(
    IBusTransport bus, EventIntake intake, SignalBusIntake signals, IOptions<BusOptions> options, ILogger<ReceivePartnerEvents> logger)
    : BackgroundService
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    // RabbitMQ over AMQP 1.0 hides the delivery count, so the hub counts attempts itself.
    private readonly ConcurrentDictionary<string, int> attempts = new();

    private BusOptions Options => options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Options.Partners.Select(partner => Task.Run(
            () => bus is IBusProcessorHost processors ? ProcessAsync(processors, partner, stoppingToken) : ListenAsync(partner, stoppingToken), stoppingToken)));

    private async Task ProcessAsync(IBusProcessorHost processors, BusPartner partner, CancellationToken stoppingToken)
    {
        var (sender, queueName) = Intake(partner);
        var failing = 0;
        var processor = await processors.StartProcessingAsync(queueName,
            async message =>
            {
                await HandleAsync(message, sender, queueName, stoppingToken);
                Interlocked.Exchange(ref failing, 0);
            },
            error =>
            {
                if (Interlocked.Exchange(ref failing, 1) == 0)
                {
                    logger.LogWarning("Queue {Queue} cannot be read ({Reason}); the processor retries", queueName, error.Message);
                }

                return Task.CompletedTask;
            },
            stoppingToken);
        await using (processor)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: disposing the processor lets the message in hand finish.
            }
        }
    }

    private async Task ListenAsync(BusPartner partner, CancellationToken stoppingToken)
    {
        var (sender, queueName) = Intake(partner);
        await using var queue = bus.OpenQueue(queueName);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(Options.Prefetch, Wait, stoppingToken);
                failing = false;

                // One trajectory's events in the order they came, different trajectories at once.
                await Task.WhenAll(batch.GroupBy(SubjectOf).Select(async trajectory =>
                {
                    foreach (var message in trajectory)
                    {
                        await HandleAsync(message, sender, queueName, stoppingToken);
                    }
                }));
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    logger.LogWarning("Queue {Queue} cannot be read ({Reason}); retrying", queueName, error.Message);
                }

                failing = true;
                await Task.Delay(Options.RelayInterval, stoppingToken);
            }
        }
    }

    private (Sender Sender, string Queue) Intake(BusPartner partner)
    {
        // Every partner's role was checked at start (BusOptions.Problems).
        PartnerRoles.TryParse(partner.Role, out var role);
        return (new Sender(partner.Organisation, role), new BusAddresses(Options.Profile, Options.Prefix).IntakeQueue(partner));
    }

    private async Task HandleAsync(ReceivedMessage received, Sender sender, string queue, CancellationToken stoppingToken)
    {
        var key = $"{queue}/{received.Message.MessageId}";
        using var activity = HubTelemetry.Source.StartActivity(HubTelemetry.Spans.BusReceive, ActivityKind.Consumer);
        try
        {
            var body = received.Message.ToStructured();
            var refused = SignalBusIntake.Carries(body)
                ? await signals.AcceptAsync(body, sender, stoppingToken)
                : (await intake.AcceptAsync(body, sender, traceParent: activity?.Id)).Problem;
            attempts.TryRemove(key, out _);
            if (refused is { } problem)
            {
                HubTelemetry.DeadLettered(HubTelemetry.Channels.Bus);
                await received.Settlement.DeadLetterAsync(new DeadLetterReason(problem.Rule, Describe(problem), received.DeliveryCount, queue));
                return;
            }

            await received.Settlement.CompleteAsync();
        }
        catch (JsonException error)
        {
            attempts.TryRemove(key, out _);
            HubTelemetry.DeadLettered(HubTelemetry.Channels.Bus);
            await received.Settlement.DeadLetterAsync(new DeadLetterReason("json-syntax",
                $"The body is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).", received.DeliveryCount, queue));
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            var attempt = Math.Max(received.DeliveryCount, attempts.AddOrUpdate(key, 1, (_, count) => count + 1));
            if (attempt >= Options.MaxDeliveryCount)
            {
                attempts.TryRemove(key, out _);
                HubTelemetry.DeadLettered(HubTelemetry.Channels.Bus);
                await received.Settlement.DeadLetterAsync(new DeadLetterReason("verwerking-mislukt",
                    $"Processing failed {attempt} times; the last error: {error.GetType().Name}: {error.Message}", attempt, queue));
                return;
            }

            logger.LogWarning("Message {MessageId} on {Queue} failed (attempt {Attempt} of {Max}): {Reason}",
                received.Message.MessageId, queue, attempt, Options.MaxDeliveryCount, error.Message);

            // A failing database usually needs a moment; back off before the broker hands the message out again.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 10)), stoppingToken);
            await received.Settlement.AbandonAsync();
        }
    }

    private static string SubjectOf(ReceivedMessage message) =>
        message.Message.Properties.TryGetValue(AmqpCloudEvent.PropertyPrefix + "subject", out var subject) ? subject.ToString()! : message.Message.MessageId;

    private static string Describe(IntakeProblem problem) =>
        problem.Fields is { Count: > 0 } fields
            ? $"{problem.Title}: {problem.Detail} ({string.Join("; ", fields.Select(field => $"{field.Name}: {field.Reason}"))})"
            : $"{problem.Title}: {problem.Detail}";
}
