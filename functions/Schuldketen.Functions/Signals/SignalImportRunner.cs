using System.Threading.Channels;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Signals;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Applies accepted imports one at a time in the background, a batch of rows per transaction, and at start goes on
/// with those a stopped host left unfinished (after the last batch they committed). An import is done when each of its
/// rows is either stored or refused with its line and field.
/// </summary>
public sealed class SignalImportRunner(
    SignalImportStore imports, SignalWriter writer, SignalJoiner joiner, SignalRules rules, SignalRouter router, SignalSpool spool, TimeProvider time, ILogger<SignalImportRunner> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    private readonly Channel<string> queue = System.Threading.Channels.Channel.CreateUnbounded<string>();

    public void Enqueue(string importId) => queue.Writer.TryWrite(importId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var unfinished in await imports.UnfinishedAsync(stoppingToken))
        {
            Enqueue(unfinished.Id);
        }

        await foreach (var importId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(importId, stoppingToken);
            }
            catch (SignalFileFault fault)
            {
                logger.LogError("Signal import {Import} cannot be read any more ({Rule}); it ends with the rows it applied", importId, fault.Rule);
                await imports.FinishAsync(importId, time.GetUtcNow(), stoppingToken);
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException or IOException)
            {
                logger.LogWarning("Signal import {Import} waits to go on: {Reason}", importId, error.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                Enqueue(importId);
            }
        }
    }

    private async Task ApplyAsync(string importId, Sender caller, SignalBatch batch, CancellationToken cancellationToken)
    {
        await writer.ApplyAsync(importId, caller, batch, cancellationToken);
        HubTelemetry.SignalRows.Add(batch.Signals.Count, new KeyValuePair<string, object?>(HubTelemetry.Tags.Outcome, "accepted"));
        HubTelemetry.SignalRows.Add(batch.RowsRead - batch.Signals.Count, new KeyValuePair<string, object?>(HubTelemetry.Tags.Outcome, "refused"));
    }

    private async Task RunAsync(string importId, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(importId, cancellationToken) is not { IsDone: false } import)
        {
            return;
        }

        var path = spool.PathOf(importId);
        if (!File.Exists(path))
        {
            logger.LogWarning("Signal import {Import} has no body on this host any more; it ends with the rows it applied", importId);
            await joiner.JoinPendingAsync(importId, null, cancellationToken);
            await imports.FinishAsync(importId, time.GetUtcNow(), cancellationToken);
            return;
        }

        if (!PartnerRoles.TryParse(import.CallerRole, out var role))
        {
            throw new InvalidOperationException($"Signal import '{importId}' has no known caller role.");
        }

        var caller = new Sender(import.Caller, role);
        router.TryCaller(caller.Organisation, caller.Role, out var tokenPartner);
        var format = import.MediaType == SignalMediaTypes.Csv ? SignalFormat.Csv : SignalFormat.Json;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var signals = new List<RoutedSignal>(BatchSize);
        var faults = new List<RowFault>();
        long rows = 0;
        long skipped = 0;
        await foreach (var input in SignalFileReader.ReadAsync(path, format, tokenPartner is null, cancellationToken))
        {
            if (skipped < import.RowsRead)
            {
                skipped++;
                continue;
            }

            rows++;
            if (rules.Check(input, tokenPartner, today, out var found) is not { } signal)
            {
                faults.AddRange(found);
            }
            else if (router.MunicipalityOf(signal, caller.Organisation, tokenPartner) is not { } municipality)
            {
                faults.Add(new RowFault(input.Line, SignalFields.Postcode,
                    "This postcode is in no municipality's range and the hub has no default municipality: ask the hub's administrator, or send it to the municipality yourself."));
            }
            else
            {
                signals.Add(new RoutedSignal(signal, input.Line, municipality, tokenPartner is null ? null : caller.Organisation));
            }

            if (rows == BatchSize)
            {
                await ApplyAsync(importId, caller, new SignalBatch(signals, faults, rows), cancellationToken);
                await joiner.JoinPendingAsync(importId, null, cancellationToken);
                (signals, faults, rows) = ([], [], 0);
            }
        }

        await ApplyAsync(importId, caller, new SignalBatch(signals, faults, rows), cancellationToken);
        await joiner.JoinPendingAsync(importId, null, cancellationToken);
        await imports.FinishAsync(importId, time.GetUtcNow(), cancellationToken);
        spool.Delete(importId);
    }
}
