using System.Collections.Frozen;
using CloudNative.CloudEvents;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>The member names of a structured CloudEvent in JSON.</summary>
internal static class Attributes
{
    private static readonly CloudEventsSpecVersion Version = CloudEventsSpecVersion.V1_0;

    public static readonly string Id = Version.IdAttribute.Name;
    public static readonly string Source = Version.SourceAttribute.Name;
    public static readonly string SpecVersion = CloudEventsSpecVersion.SpecVersionAttribute.Name;
    public static readonly string Type = Version.TypeAttribute.Name;
    public static readonly string Subject = Version.SubjectAttribute.Name;
    public static readonly string Time = Version.TimeAttribute.Name;
    public static readonly string DataContentType = Version.DataContentTypeAttribute.Name;
    public static readonly string DataSchema = Version.DataSchemaAttribute.Name;
    public const string Data = "data";
    public const string DataBase64 = "data_base64";
    public const string TraceParent = "traceparent";
    public const string Sequence = "sequence";

    public static readonly IReadOnlyList<string> Required = [Id, Source, SpecVersion, Type];

    /// <summary>The attributes the specification defines; the SDK lists <c>specversion</c> apart from them.</summary>
    public static readonly FrozenSet<string> Context =
        Version.AllAttributes.Select(attribute => attribute.Name).Append(SpecVersion).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How long a string attribute may be; identifiers are kept short enough to index.</summary>
    public static int MaxLength(string name) => name switch
    {
        _ when name == Id || name == Type => 256,
        _ when name == Source || name == DataSchema => 1024,
        _ when name == DataContentType || name == TraceParent => 128,
        _ => 2048,
    };

    public static bool IsExtension(string name) => !Context.Contains(name) && name is not (Data or DataBase64);
}
