using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Testing;

/// <summary>One partner event of the journey: its type, the organisation and role that send it, when after registration it happens, and its data.</summary>
public sealed record JourneyStep(string Type, string Organisation, PartnerRole Role, TimeSpan After, Func<DateTimeOffset, IEventData> Data);

/// <summary>One event ready to send: its id, its trajectory, the organisation that sends it and the serialized CloudEvent.</summary>
public sealed record JourneyEvent(string Id, string Trajectory, string Organisation, byte[] Body);

/// <summary>
/// The seven partner events of wgs-standaard v1's main path after registration (crisis check to aftercare), each sent by
/// the municipality or the debt counsellor of <see cref="Organisations"/> as its transition permits.
/// </summary>
public static class Journey
{
    private static readonly JsonSerializerOptions DataOptions = new(EventDataJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new(EventTypes.CrisisCheckCompleted, Organisations.Municipality, PartnerRole.Municipality, TimeSpan.FromHours(2), _ => new CrisisCheckCompleted(Crisis: false)),
        new(EventTypes.FirstConversationHeld, Organisations.Counsellor, PartnerRole.DebtCounsellor, TimeSpan.FromDays(10), at => new FirstConversationHeld(at)),
        new(EventTypes.AccessGranted, Organisations.Municipality, PartnerRole.Municipality, TimeSpan.FromDays(30),
            at => new AccessGranted(DateOnly.FromDateTime(at.UtcDateTime), "Stabiliseren, daarna een minnelijke regeling met alle schuldeisers.")),
        new(EventTypes.StabilisationCompleted, Organisations.Counsellor, PartnerRole.DebtCounsellor, TimeSpan.FromDays(120), _ => new StabilisationCompleted(7, 12_450.75m, 165m)),
        new(EventTypes.SettlementAgreed, Organisations.Counsellor, PartnerRole.DebtCounsellor, TimeSpan.FromDays(240),
            at => new SettlementAgreed(SettlementForm.DebtMediation, DateOnly.FromDateTime(at.UtcDateTime))),
        new(EventTypes.RepaymentCompleted, Organisations.Counsellor, PartnerRole.DebtCounsellor, TimeSpan.FromDays(800), at => new RepaymentCompleted(DateOnly.FromDateTime(at.UtcDateTime))),
        new(EventTypes.AftercareCompleted, Organisations.Counsellor, PartnerRole.DebtCounsellor, TimeSpan.FromDays(900), _ => new AftercareCompleted(AftercareOutcome.Settled)),
    ];

    /// <summary>The trajectory's events in the order they must be sent.</summary>
    public static IReadOnlyList<JourneyEvent> For(string trajectory, DateTimeOffset registeredAt) =>
        Steps.Select((_, index) => Event(trajectory, index, registeredAt)).ToList();

    /// <summary>Step <paramref name="index"/> of the journey as a structured CloudEvent (NL GOV profile) with the id <c>&lt;trajectory&gt;-&lt;index&gt;</c>.</summary>
    public static JourneyEvent Event(string trajectory, int index, DateTimeOffset registeredAt)
    {
        var step = Steps[index];
        var at = registeredAt + step.After;
        var data = step.Data(at);
        var id = $"{trajectory}-{index}";
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", id);
            writer.WriteString("source", $"urn:nld:oin:{step.Organisation}:systeem:regie");
            writer.WriteString("type", step.Type);
            writer.WriteString("subject", trajectory);
            writer.WriteString("time", Rfc3339.Format(at));
            writer.WriteString("datacontenttype", "application/json");
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, data.GetType(), DataOptions);
            writer.WriteEndObject();
        }

        return new JourneyEvent(id, trajectory, step.Organisation, buffer.WrittenSpan.ToArray());
    }
}
