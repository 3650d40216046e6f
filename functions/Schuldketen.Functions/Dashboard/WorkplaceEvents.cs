using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;

namespace Schuldketen.Functions.Dashboard;

/// <summary>The CloudEvents the workplace's forms send, from the professional's organisation, through the same intake as the API.</summary>
public static class WorkplaceEvents
{
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
