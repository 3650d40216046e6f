using System.Text.Json.Nodes;

namespace Schuldketen.Testing;

/// <summary>Status updates as a partner's case system sends them.</summary>
public static class PartnerEvents
{
    /// <summary>A valid structured CloudEvent from <paramref name="sender"/>'s case system.</summary>
    public static JsonObject Structured(string sender, string type, string subject, JsonObject? data) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["source"] = $"urn:nld:oin:{sender}:systeem:zaaksysteem",
        ["type"] = type,
        ["subject"] = subject,
        ["time"] = "2026-03-02T10:00:00+01:00",
        ["datacontenttype"] = "application/json",
        ["data"] = data,
    };
}
