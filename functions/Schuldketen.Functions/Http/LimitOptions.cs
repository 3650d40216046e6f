namespace Schuldketen.Functions.Http;

/// <summary>What one request and one organisation may ask of the hub (section <c>Schuldketen:Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Schuldketen:Limits";

    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per organisation per window.</summary>
    public int RequestsPerWindow { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
