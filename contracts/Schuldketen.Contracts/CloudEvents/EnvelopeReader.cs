using System.Text.Json;
using System.Text.RegularExpressions;
using CloudNative.CloudEvents;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// Checks a structured CloudEvent rule by rule, in the order of <see cref="EnvelopeRules"/>, so
/// the sender hears about every attribute at once. The SDK's decoder stops at the first fault.
/// </summary>
/// <param name="ownType">The one type outside the catalogue the caller takes (a bus message that is no trajectory event), or null.</param>
internal sealed partial class EnvelopeReader(string? ownType)
{
    private readonly Dictionary<string, JsonElement> members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly List<EnvelopeProblem> problems = [];

    /// <summary>Attributes whose text was refused; the later rules pass them over.</summary>
    private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);

    public static EnvelopeResult Read(JsonElement element, string? ownType = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return EnvelopeResult.Invalid([new EnvelopeProblem("", EnvelopeRules.NotAnObject, "Send the event as a JSON object: a CloudEvent in structured mode.")]);
        }

        var reader = new EnvelopeReader(ownType);
        try
        {
            reader.CollectMembers(element);
        }
        catch (InvalidOperationException)
        {
            // An attribute name that is not valid UTF-8 (or has an unpaired surrogate) cannot even be named back.
            return EnvelopeResult.Invalid([new EnvelopeProblem("", EnvelopeRules.Text, "Send the event as valid UTF-8 text: an attribute name cannot be decoded.")]);
        }

        reader.CheckText();
        reader.CheckRequired();
        reader.CheckTypes();
        reader.CheckSpecVersion();
        reader.CheckTime();
        reader.CheckExtensionNames();
        reader.CheckDataContentType();
        reader.CheckDataSchema();
        reader.CheckDataBase64();
        reader.CheckTraceParent();
        reader.CheckSource();
        reader.CheckType();
        reader.CheckSubject();
        return reader.problems.Count > 0 ? EnvelopeResult.Invalid(reader.problems) : EnvelopeResult.Valid(reader.Envelope());
    }

    private void CollectMembers(JsonElement element)
    {
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value) && duplicates.Add(member.Name))
            {
                Fail(member.Name, EnvelopeRules.DuplicateAttribute, $"Send {member.Name} only once: the event names it more than once.");
            }
        }

        // The CloudEvents JSON format treats null as an attribute that is not there.
        foreach (var name in members.Where(member => member.Value.ValueKind == JsonValueKind.Null).Select(member => member.Key).ToArray())
        {
            members.Remove(name);
        }
    }

    /// <summary>
    /// Every string attribute must decode, stay within its length, and hold no control characters,
    /// noncharacters or invisible formatting characters (CloudEvents forbids the first two; bidirectional
    /// overrides and zero-width characters in identifiers only serve to deceive). A refused attribute is
    /// set aside, so the later rules do not trip over it.
    /// </summary>
    private void CheckText()
    {
        foreach (var (name, value) in members.Where(member => member.Value.ValueKind == JsonValueKind.String).ToArray())
        {
            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                Reject(name, $"Send {name} as valid Unicode text: it has bytes that are not UTF-8 or an unpaired surrogate.");
                continue;
            }

            var limit = Attributes.MaxLength(name);
            if (text.Length > limit)
            {
                Reject(name, $"Shorten {name} to at most {limit} characters.");
            }
            else if (text.Any(IsForbidden))
            {
                Reject(name, $"Remove control characters, noncharacters and invisible formatting characters from {name}.");
            }
        }
    }

    private void Reject(string name, string message)
    {
        Fail(name, EnvelopeRules.Text, message);
        unreadable.Add(name);
    }

    private static bool IsForbidden(char character) =>
        char.IsControl(character) || character is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF'
        || char.GetUnicodeCategory(character) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate;

    private void CheckTraceParent()
    {
        if (strings.TryGetValue(Attributes.TraceParent, out var traceParent) && !W3cTraceParent().IsMatch(traceParent))
        {
            Fail(Attributes.TraceParent, EnvelopeRules.TraceParent,
                $"Write {Attributes.TraceParent} as a W3C trace context: 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>, or leave it out.");
        }
    }

    private void CheckRequired()
    {
        foreach (var name in Attributes.Required)
        {
            if (!members.TryGetValue(name, out var value))
            {
                Fail(name, EnvelopeRules.Required, $"Add {name}: every CloudEvent needs it.");
            }
            else if (value.ValueKind == JsonValueKind.String && !unreadable.Contains(name) && value.GetString()!.Length == 0)
            {
                Fail(name, EnvelopeRules.Required, $"Fill in {name}: it may not be empty.");
                members.Remove(name);
            }
        }
    }

    private void CheckTypes()
    {
        foreach (var (name, value) in members.Where(member => !unreadable.Contains(member.Key)))
        {
            if (Attributes.Context.Contains(name) || name == Attributes.TraceParent)
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    strings[name] = value.GetString()!;
                }
                else
                {
                    Fail(name, EnvelopeRules.AttributeType, $"Send {name} as a JSON string.");
                }
            }
            else if (Attributes.IsExtension(name) && ExtensionName().IsMatch(name) && !IsExtensionValue(value))
            {
                Fail(name, EnvelopeRules.AttributeType, $"Send {name} as a JSON string, true or false, or a whole number.");
            }
        }
    }

    private void CheckSpecVersion()
    {
        if (strings.TryGetValue(Attributes.SpecVersion, out var version) && version != CloudEventsSpecVersion.V1_0.VersionId)
        {
            Fail(Attributes.SpecVersion, EnvelopeRules.SpecVersion, $"Set {Attributes.SpecVersion} to \"{CloudEventsSpecVersion.V1_0.VersionId}\": the hub speaks CloudEvents 1.0.");
        }
    }

    private void CheckTime()
    {
        if (strings.TryGetValue(Attributes.Time, out var time) && !Rfc3339.TryParse(time, out _))
        {
            Fail(Attributes.Time, EnvelopeRules.Time, $"Write {Attributes.Time} as an RFC 3339 timestamp with a zone, e.g. 2026-03-01T09:30:00Z.");
        }
    }

    private void CheckExtensionNames()
    {
        foreach (var name in members.Keys.Where(name => Attributes.IsExtension(name) && !ExtensionName().IsMatch(name)))
        {
            Fail(name, EnvelopeRules.ExtensionName, $"Rename {name}: extension attribute names have only lowercase letters a-z and digits, at most 20.");
        }
    }

    private void CheckDataContentType()
    {
        if (strings.TryGetValue(Attributes.DataContentType, out var contentType) && !IsJson(contentType))
        {
            Fail(Attributes.DataContentType, EnvelopeRules.DataContentType, $"Set {Attributes.DataContentType} to application/json, or leave it out: the hub takes JSON data only.");
        }
    }

    private void CheckDataSchema()
    {
        if (!strings.TryGetValue(Attributes.DataSchema, out var schema))
        {
            return;
        }

        if (schema.Length == 0)
        {
            Fail(Attributes.DataSchema, EnvelopeRules.DataSchema, $"Fill in {Attributes.DataSchema} with the URI of the data's schema, or leave it out.");
        }
        else if (!Rfc3986.IsUri(schema))
        {
            Fail(Attributes.DataSchema, EnvelopeRules.DataSchema,
                $"Write {Attributes.DataSchema} as an absolute URI (RFC 3986), such as https://schemas.example/crisischeck.json, or leave it out.");
        }
    }

    private void CheckDataBase64()
    {
        if (members.ContainsKey(Attributes.DataBase64))
        {
            Fail(Attributes.DataBase64, EnvelopeRules.DataBase64, $"Send the data as JSON in {Attributes.Data} instead of {Attributes.DataBase64}: the hub takes JSON data only.");
        }
    }

    private void CheckSource()
    {
        if (strings.TryGetValue(Attributes.Source, out var source) && NlGovSource.OinOf(source) is null)
        {
            Fail(Attributes.Source, EnvelopeRules.NlGovSource, $"Write {Attributes.Source} as {NlGovSource.Prefix} followed by your organisation's 20-digit OIN, optionally followed by a colon and your system's name, in URI characters (RFC 3986).");
        }
    }

    private void CheckType()
    {
        if (!strings.TryGetValue(Attributes.Type, out var type))
        {
            return;
        }

        if (!ReverseDns().IsMatch(type))
        {
            Fail(Attributes.Type, EnvelopeRules.NlGovType, $"Write {Attributes.Type} as a reverse-DNS name in lowercase, such as {EventTypes.CrisisCheckCompleted}.");
        }
        else if (!EventDataCatalogue.IsPartnerEvent(type) && type != ownType)
        {
            Fail(Attributes.Type, EnvelopeRules.NlGovType, $"Use an event type from the hub's catalogue for {Attributes.Type}: this one is unknown or not sent by partners.");
        }
    }

    private void CheckSubject()
    {
        if (!members.ContainsKey(Attributes.Subject))
        {
            Fail(Attributes.Subject, EnvelopeRules.NlGovSubject, $"Add {Attributes.Subject}: the hub needs the pseudonymous trajectory id.");
        }
        else if (strings.TryGetValue(Attributes.Subject, out var subject) && !TrajectoryId().IsMatch(subject))
        {
            Fail(Attributes.Subject, EnvelopeRules.NlGovSubject, $"Write {Attributes.Subject} as the trajectory id: 1 to 64 letters, digits or hyphens.");
        }
    }

    private CloudEventEnvelope Envelope()
    {
        var extensions = members
            .Where(member => Attributes.IsExtension(member.Key) && member.Key != Attributes.TraceParent)
            .ToDictionary(member => member.Key, member => member.Value.Clone(), StringComparer.Ordinal);
        DateTimeOffset? time = strings.TryGetValue(Attributes.Time, out var text) && Rfc3339.TryParse(text, out var instant) ? instant : null;
        return new CloudEventEnvelope(
            strings[Attributes.Id],
            strings[Attributes.Source],
            strings[Attributes.SpecVersion],
            strings[Attributes.Type],
            strings.GetValueOrDefault(Attributes.Subject),
            time,
            strings.GetValueOrDefault(Attributes.DataContentType),
            strings.GetValueOrDefault(Attributes.DataSchema),
            members.TryGetValue(Attributes.Data, out var data) ? data.Clone() : null,
            extensions,
            strings.GetValueOrDefault(Attributes.TraceParent));
    }

    private void Fail(string attribute, string rule, string message) => problems.Add(new EnvelopeProblem(attribute, rule, message));

    private static bool IsExtensionValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.True or JsonValueKind.False => true,
        JsonValueKind.Number => value.TryGetInt32(out _),
        _ => false,
    };

    private static bool IsJson(string contentType) =>
        Rfc2046.MediaTypeOf(contentType) is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\A[a-z0-9]{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionName();

    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReverseDns();

    [GeneratedRegex(@"\A[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TrajectoryId();

    [GeneratedRegex(@"\A00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex W3cTraceParent();
}
