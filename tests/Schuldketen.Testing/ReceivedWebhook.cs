using System.Globalization;
using System.Text.Json;

namespace Schuldketen.Testing;

/// <summary>
/// One request as a <see cref="WebhookReceiver"/> got it: what came, when it began and ended (<see cref="System.Diagnostics.Stopwatch"/>
/// timestamps) and when by the receiver's clock, whether its signature held, and the status it was answered with.
/// <see cref="Arrival"/> is the CloudEvent's id, subject and sequence, or null when the body does not carry all three.
/// </summary>
public sealed record ReceivedWebhook(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    long Began,
    long Ended,
    DateTimeOffset ClockAt,
    bool SignatureValid,
    int Status,
    Arrival? Arrival)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The body as JSON: a structured CloudEvent when the hub sends it.</summary>
    public JsonElement CloudEvent => JsonSerializer.Deserialize<JsonElement>(Body);

    public string CloudEventId => Event.Id;

    public string Subject => Event.Subject;

    public long Sequence => Event.Sequence;

    private Arrival Event => Arrival ?? throw new InvalidOperationException($"The webhook is no CloudEvent with an id, subject and sequence: {Body}");

    /// <summary>The id, subject and sequence of a structured CloudEvent; null for anything else.</summary>
    public static Arrival? ArrivalOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                   && Text(root, "id") is { } id && Text(root, "subject") is { } subject
                   && long.TryParse(Text(root, "sequence"), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? new Arrival(id, subject, sequence)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
