namespace Schuldketen.Functions.Signals;

/// <summary>The bodies <c>POST /api/v1/signals</c> takes.</summary>
public static class SignalMediaTypes
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";
}
