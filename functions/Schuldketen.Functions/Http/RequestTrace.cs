using System.Diagnostics;

namespace Schuldketen.Functions.Http;

/// <summary>The W3C trace context of the current request (from the caller's <c>traceparent</c>, or started here).</summary>
public static class RequestTrace
{
    public static string? TraceParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
}
