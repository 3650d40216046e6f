using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Hl7.Fhir.Model;
using Schuldketen.Api.Tests.Signals;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Workflows.Relays;
using Schuldketen.Workflows.Store.Telemetry;
using static Schuldketen.Testing.Organisations;
using Task = System.Threading.Tasks.Task;

namespace Schuldketen.Api.Tests;

/// <summary>
/// What an operator sees through OpenTelemetry: one event's spans in one trace, from the partner's request through the
/// apply to its webhook delivery, under the trace id the hub stored with the event; and nothing about a person in any
/// span, metric or log record the exporters get, nor a trajectory id in a metric's tags.
/// </summary>
public class TelemetryTests
{
    private static readonly Dictionary<string, string?> LoopbackCallbacks = new()
    {
        ["Schuldketen:Webhooks:AllowLoopback"] = "true",
        ["Schuldketen:Webhooks:AllowHttp"] = "true",
    };

    /// <summary>The tag keys of the hub's own instruments: each with values bounded by the definitions, rules and channels.</summary>
    private static readonly string[] BoundedTags =
        [HubTelemetry.Tags.Rule, HubTelemetry.Tags.Channel, HubTelemetry.Tags.Outcome, HubTelemetry.Tags.Definition, HubTelemetry.Tags.Deadline];

    // A resident of this test only, so spans of other tests' hubs in this process cannot be mistaken for a leak.
    private const string GivenName = "Wilhelmina";
    private const string Surname = "Zwanenburg-Oosterbeek";
    private const string Street = "Lijnbaansgracht";
    private const string Postcode = "3581 KW";
    private const string Phone = "06-98765432";
    private const string Email = "w.zwanenburg@example.nl";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_bsn_name_or_address_reaches_a_span_metric_or_log_record_and_no_metric_tag_names_a_trajectory(string provider)
    {
        var bsns = Residents.Bsns(41_000_000).Take(3).ToList();
        var exported = new ExportedTelemetry();
        var settings = new Dictionary<string, string?>(SignalHub.Settings)
        {
            // The fake clock jumps two months ahead: resident notices every hour, not every 10 s, keep that to a few rounds.
            ["Schuldketen:Portal:NoticeInterval"] = "01:00:00",
        };
        foreach (var (key, value) in LoopbackCallbacks)
        {
            settings[key] = value;
        }

        await using var hub = await HubServer.StartAsync(new HubStart(provider) { Settings = settings, Telemetry = exported });
        await using var receiver = await WebhookReceiver.StartAsync(hub.Clock);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var practice = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner, "huisarts-1");
        await receiver.SubscribeAsync(municipality);

        var trajectory = await PartnerApi.RegisterAsync(municipality, bsns[0]);
        using (var early = await PartnerApi.PostEventAsync(counsellor, PartnerEvents.Structured(Counsellor, EventTypes.FirstConversationHeld, trajectory,
                   PartnerApi.Conversation())))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, trajectory, PartnerApi.NoCrisis());
        var import = await SignalHub.ImportAsync(hub, municipality, SignalHub.Csv(
            $"tel-1,false,false,850,2026-01-05,2026-02-20,Huur,{SignalHub.LandlordName},{bsns[1]},W.,{Surname},1980-04-01,{Street},{Postcode},377,,Utrecht,{Phone},{Email}",
            $"tel-2,false,false,veel,2026-01-05,2026-02-20,Huur,{SignalHub.LandlordName},,W.,{Surname},1980-04-01,{Street},{Postcode},379,,Utrecht,{Phone},{Email}"));
        Assert.Equal(1, import.GetProperty("accepted").GetInt64());

        var referral = new Referral(bsns[2], Postcode, $"verwijzing-{Guid.NewGuid():N}");
        referral.Patient.Name = [new HumanName { Family = Surname, Given = [GivenName] }];
        referral.Patient.Address = [new Address { Use = Address.AddressUse.Home, Line = [$"{Street} 381"], PostalCode = Postcode, City = "Utrecht", Country = "NL" }];
        referral.Patient.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, Phone)];
        using (var referred = await practice.PostAsync("/fhir/r4", new StringContent(referral.BundleJson(), Encoding.UTF8, FhirSystems.MediaType)))
        {
            Assert.True(referred.StatusCode == HttpStatusCode.OK, $"The referral answered {(int)referred.StatusCode}: {await referred.Content.ReadAsStringAsync()}");
        }

        await receiver.WaitForAsync(requests => requests.Any(request => request.Subject == trajectory && request.Sequence == 2),
            "the crisis check at the municipality's webhook");

        // The first conversation's deadline passes.
        hub.Clock.Advance(TimeSpan.FromDays(60));
        await Poll.UntilAsync(() =>
        {
            exported.Collect(hub);
            var texts = exported.Texts.ToList();
            return texts.Any(text => text.Contains($"{HubTelemetry.Tags.Rule}=niet-toegestaan-in-fase", StringComparison.Ordinal))
                   && texts.Any(text => text.StartsWith("metric schuldketen.signals.rows", StringComparison.Ordinal) && text.Contains("outcome=refused", StringComparison.Ordinal))
                   && texts.Any(text => text.StartsWith("metric schuldketen.deadlines.passed", StringComparison.Ordinal)
                                        && text.Contains($"{HubTelemetry.Tags.Definition}=wgs-standaard", StringComparison.Ordinal)
                                        && text.Contains($"{HubTelemetry.Tags.Deadline}=eerste-gesprek", StringComparison.Ordinal))
                   && exported.Spans.Any(span => span.OperationName == HubTelemetry.Spans.WebhookSend);
        }, "the refusal, the signal rows, the passed deadline and a webhook send among what was exported");

        // The backlog gauges' own reads, on this provider (the gauges are checked in the fault tests: other hubs in this process have theirs).
        var backlog = hub.Service<OutboxBacklog>();
        await Poll.UntilAsync(async () => (await backlog.WebhookAsync(default)).Count == 0 && (await backlog.BusAsync(default)).Count == 0,
            "nothing left waiting in the outbox");

        var personal = new[] { GivenName, Surname, Street, Postcode, Postcode.Replace(" ", "", StringComparison.Ordinal), Phone, Email }.Concat(bsns).ToList();
        var leaks = exported.Texts.Where(text => personal.Any(value => text.Contains(value, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"Personal data in what the exporters got: {string.Join(" | ", leaks.Take(5))}");
        Assert.DoesNotContain(hub.LogLines, line => personal.Any(value => line.Contains(value, StringComparison.OrdinalIgnoreCase)));

        var metrics = exported.Texts.Where(text => text.StartsWith("metric ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(metrics, text => text.Contains(trajectory, StringComparison.Ordinal));
        foreach (var metric in exported.Metrics.Where(metric => metric.Name.StartsWith("schuldketen.", StringComparison.Ordinal)))
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    Assert.True(BoundedTags.Contains(tag.Key), $"{metric.Name} has the tag '{tag.Key}', which is not one with bounded values.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_posted_and_delivered_by_webhook_is_one_trace_from_intake_through_apply_to_the_send_under_its_stored_trace_id(string provider)
    {
        var exported = new ExportedTelemetry();
        await using var hub = await HubServer.StartAsync(new HubStart(provider) { Settings = LoopbackCallbacks, Telemetry = exported });
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
