namespace Schuldketen.Workflows.Store;

/// <summary>The trace and span id of a W3C <c>traceparent</c> (<c>00-{trace}-{span}-{flags}</c>).</summary>
public sealed record TraceContext(string TraceId, string SpanId)
{
    public static TraceContext? Parse(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        return parts is [_, { Length: 32 } traceId, { Length: 16 } spanId, _] ? new TraceContext(traceId, spanId) : null;
    }
}
