using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The next steps a professional can record with one button: their event data follows from the
/// moment alone. Steps that need figures or a choice (a plan, a settlement) come from the case system over the API.
/// </summary>
public static class CounsellorSteps
{
    public static bool IsOneClick(string type) => DataFor(type, DateTimeOffset.UnixEpoch) is not null;

    /// <summary>The data of a one-click step recorded at <paramref name="now"/>; null when the step needs more than a click.</summary>
    public static IEventData? DataFor(string type, DateTimeOffset now)
    {
        var today = now.ToDutchDate();
        return type switch
        {
            EventTypes.CrisisAverted => new CrisisAverted(),
            EventTypes.FirstConversationHeld => new FirstConversationHeld(now),
            EventTypes.ObjectionFiled => new ObjectionFiled(today),
            EventTypes.ObjectionUpheld => new ObjectionUpheld(today),
            EventTypes.ObjectionDismissed => new ObjectionDismissed(today),
            EventTypes.WsnpRequested => new WsnpRequested(today),
            EventTypes.CourtSettlementRequested => new CourtSettlementRequested(today),
            EventTypes.RepaymentCompleted => new RepaymentCompleted(today),
            _ => null,
        };
    }

    /// <summary>The CloudEvent a button sends, from the professional's organisation, through the same intake as the API.</summary>
    public static JsonElement CloudEvent(string type, string trajectoryId, string organisation, DateTimeOffset now, IEventData data) =>
        CloudEvent(type, trajectoryId, organisation, now, JsonSerializer.SerializeToNode(data, data.GetType(), EventDataJson.Options));

    /// <summary>The CloudEvent a form sends with the data as the professional filled it in, for the intake to check like any partner's.</summary>
    public static JsonElement CloudEvent(string type, string trajectoryId, string organisation, DateTimeOffset now, JsonNode? data) =>
        new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = $"werkplek-{Guid.NewGuid():N}",
            ["source"] = $"urn:nld:oin:{organisation}:systeem:werkplek",
            ["type"] = type,
            ["subject"] = trajectoryId,
            ["time"] = Rfc3339.Format(now),
            ["datacontenttype"] = "application/json",
            ["data"] = data,
        }.Deserialize<JsonElement>();
}
