using System.Diagnostics;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Store.Telemetry;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// What an operator sees through OpenTelemetry: one event's spans in one trace, from the partner's request through the
/// apply to its webhook delivery, under the trace id the hub stored with the event.
/// </summary>
public class TelemetryTests
{
    private static readonly Dictionary<string, string?> LoopbackCallbacks = new()
    {
        ["Schuldketen:Webhooks:AllowLoopback"] = "true",
        ["Schuldketen:Webhooks:AllowHttp"] = "true",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_posted_and_delivered_by_webhook_is_one_trace_from_intake_through_apply_to_the_send_under_its_stored_trace_id(string provider)
    {
        var exported = new ExportedTelemetry();
        await using var hub = await HubServer.StartAsync(new HubStart(provider) { Settings = LoopbackCallbacks, Services = exported.AddTo });
        await using var receiver = await WebhookReceiver.StartAsync(hub.Clock);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await receiver.SubscribeAsync(municipality);
        var trajectory = await PartnerApi.RegisterAsync(municipality, "111222333");

        var answer = await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, trajectory, PartnerApi.NoCrisis());
        var sequence = answer.GetProperty("sequence").GetInt64();
        await receiver.WaitForAsync(requests => requests.Any(request => request.Subject == trajectory && request.Sequence == sequence),
            "the crisis check at the municipality's webhook");

        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        var stored = Assert.Single(await connection.QueryAsync<string>(
            "SELECT DISTINCT trace_parent FROM outbox WHERE trajectory_id = @trajectory AND sequence = @sequence", new { trajectory, sequence }));
        Assert.True(ActivityContext.TryParse(stored, null, out var storedContext), $"The stored trace context '{stored}' is no W3C traceparent.");
        var traceId = storedContext.TraceId;

        IReadOnlyList<Activity> trace = [];
        await Poll.UntilAsync(() =>
        {
            trace = exported.Spans.Where(span => span.TraceId == traceId).ToList();
            return trace.Any(span => span.OperationName == HubTelemetry.Spans.WebhookSend);
        }, "the webhook send span in the event's trace", state: () => string.Join(", ", trace.Select(span => span.DisplayName)));

        var intake = Assert.Single(trace, span => span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == "/api/v1/events");
        Assert.Equal(storedContext.SpanId, intake.SpanId);
        var apply = Assert.Single(trace, span => span.OperationName == HubTelemetry.Spans.Apply);
        Assert.Equal(intake.SpanId, apply.ParentSpanId);
        Assert.Equal(EventTypes.CrisisCheckCompleted, apply.GetTagItem(HubTelemetry.Tags.EventType));
        var send = Assert.Single(trace, span => span.OperationName == HubTelemetry.Spans.WebhookSend);
        Assert.Equal(intake.SpanId, send.ParentSpanId);
        Assert.Equal("Delivered", send.GetTagItem(HubTelemetry.Tags.Status));
        Assert.Contains(trace, span => span.Kind == ActivityKind.Client && span.ParentSpanId == send.SpanId);
    }
}
