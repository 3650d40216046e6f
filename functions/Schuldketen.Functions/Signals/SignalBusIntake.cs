using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Intake;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// A connected signal partner's signal on the bus: the CloudEvent <see cref="EventType"/>, whose subject is the signal id
/// and whose data is one signal in DDAS field names. It passes the same checks as <c>POST /api/v1/signals</c> and is
/// stored as an import of one row. The import's id is made from the partner and the signal id, so a redelivery after a
/// crash at any point goes on where the first delivery stopped and a repeat applies nothing.
/// </summary>
public sealed class SignalBusIntake(
    SignalImportStore imports, SignalWriter writer, SignalJoiner joiner, SignalRules rules, SignalRouter router, TimeProvider time)
{
    public const string EventType = "nl.schuldketen.vroegsignaal.ontvangen";

    public static bool Carries(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals(EventType);

    /// <summary>Null when the signal is applied (or was before); otherwise what to fix, never a value from the signal.</summary>
    public async Task<IntakeProblem?> AcceptAsync(JsonElement body, Sender sender, CancellationToken cancellationToken)
    {
        var envelope = CloudEventEnvelope.Parse(body, EventType);
        if (!envelope.IsValid)
        {
            var first = envelope.Problems[0];
            return new IntakeProblem(first.Rule, "Invalid CloudEvent", first.Message,
                envelope.Problems.Select(problem => new InvalidField(problem.Attribute, problem.Rule, problem.Message)).ToList());
        }

        var cloudEvent = envelope.Envelope;
        if (cloudEvent.SourceOin != sender.Organisation)
        {
            return new IntakeProblem("afzender-bron", "Source is not the sender", "The OIN in 'source' must be the OIN of the organisation whose queue this is.",
                [new InvalidField("source", "afzender-bron", "Use urn:nld:oin:<your OIN>, optionally followed by ':' and your system's name.")]);
        }

        if (!router.TryCaller(sender.Organisation, sender.Role, out var partner) || partner is null)
        {
            return new IntakeProblem("geen-signaalpartner", "Not a connected signal partner",
                "Only a signal partner whose OIN the hub knows (Schuldketen:Signals:Partners) sends signals on the bus; a municipality uploads its export at POST /api/v1/signals.");
        }

        if (cloudEvent.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return new IntakeProblem("signaal-ongeldig", "Invalid signal", "The data is one signal: a JSON object with DDAS members such as ID, bedrag and client.",
                [new InvalidField("data", "signaal-ongeldig", "Send one signal as a JSON object.")]);
        }

        var input = SignalFileReader.Signal(1, data);
        if (input[SignalFields.Id] is { } signalId && cloudEvent.Subject != signalId)
        {
            return new IntakeProblem("onderwerp-signaal", "Subject is not the signal id", "The CloudEvent's subject is the signal's ID.",
                [new InvalidField("subject", "onderwerp-signaal", "Set subject to the value of data.ID.")]);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (rules.Check(input, partner, today, out var faults) is not { } signal)
        {
            return new IntakeProblem("signaal-ongeldig", "Invalid signal", "The signal was not applied: fix the fields named and send it again.",
                faults.Select(fault => new InvalidField("data." + fault.Field, "signaal-ongeldig", fault.Problem)).ToList());
        }

        if (router.MunicipalityOf(signal, sender.Organisation, partner) is not { } municipality)
        {
            return new IntakeProblem("signaal-ongeldig", "No municipality for this postcode",
                "This postcode is in no municipality's range and the hub has no default municipality: ask the hub's administrator.",
                [new InvalidField("data." + SignalFields.Postcode, "signaal-ongeldig", "The postcode is in no municipality's range.")]);
        }

        var importId = ImportId(sender.Organisation, signal.Id);
        var import = await imports.FindAsync(importId, cancellationToken)
                     ?? await imports.CreateAsync(importId, sender, SignalMediaTypes.Json, time.GetUtcNow(), cancellationToken);
        if (import.RowsRead == 0)
        {
            await writer.ApplyAsync(importId, sender, new SignalBatch([new RoutedSignal(signal, 1, municipality, sender.Organisation)], [], 1), cancellationToken);
        }

        await joiner.JoinPendingAsync(importId, cloudEvent.TraceParent, cancellationToken);
        if (!import.IsDone)
        {
            await imports.FinishAsync(importId, time.GetUtcNow(), cancellationToken);
        }

        return null;
    }

    private static string ImportId(string partner, string signalId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{partner}\n{signalId}"));
        return "bus-" + new Guid(hash.AsSpan(0, 16));
    }
}
