using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Http;

/// <summary>What one request and one organisation may ask of the hub (section <c>Schuldketen:Limits</c>).</summary>
public sealed class LimitOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Limits";

    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per organisation per window.</summary>
    public int RequestsPerWindow { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (MaxRequestBytes <= 0)
        {
            yield return $"Schuldketen__Limits__MaxRequestBytes is {MaxRequestBytes}: set it to a positive number of bytes (default 1048576, 1 MiB).";
        }

        if (RequestsPerWindow <= 0)
        {
            yield return $"Schuldketen__Limits__RequestsPerWindow is {RequestsPerWindow}: set it to a positive number of requests per organisation per window (default 6000).";
        }

        if (Window <= TimeSpan.Zero)
        {
            yield return $"Schuldketen__Limits__Window is {Window}: set it to a positive time span such as 00:01:00 (the default).";
        }
    }
}
