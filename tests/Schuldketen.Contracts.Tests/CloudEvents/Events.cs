using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schuldketen.Contracts.Tests.CloudEvents;

/// <summary>A valid NL GOV CloudEvent to start from, and ways to spoil one attribute of it.</summary>
internal static class Events
{
    public const string Oin = "00000001001234567000";

    public static JsonObject Valid() => JsonNode.Parse($$"""
        {
          "specversion": "1.0",
          "id": "0b7a4c1e-3f2d-4e5a-9c8b-1d2e3f4a5b6c",
          "source": "urn:nld:oin:{{Oin}}:systeem:zaaksysteem",
          "type": "{{EventTypes.CrisisCheckCompleted}}",
          "subject": "trj-7f3a9c",
          "time": "2026-03-01T09:30:00+01:00",
          "datacontenttype": "application/json",
          "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          "sequence": "7",
          "data": { "crisis": true, "kind": "huisuitzetting" }
        }
        """)!.AsObject();

    /// <summary>The valid event with one member set to raw JSON, or removed when <paramref name="json"/> is null.</summary>
    public static JsonElement With(string name, string? json)
    {
        var cloudEvent = Valid();
        if (json is null)
        {
            cloudEvent.Remove(name);
        }
        else
        {
            cloudEvent[name] = JsonNode.Parse(json);
        }

        return Element(cloudEvent.ToJsonString());
    }

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
