using System.Globalization;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Functions.Shared;

/// <summary>Dates, times and sizes as people in the Netherlands write them: "3 maart 2026", "3 maart 2026 om 10:15", "2,4 MB".</summary>
public static class DutchText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static string Date(DateTimeOffset instant) => Date(instant.ToDutchDate());

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DutchTime.Zone).ToString("d MMMM yyyy 'om' HH:mm", Dutch);

    public static string Number(int? value) => value?.ToString(Dutch) ?? "nog niet bekend";

    /// <summary>A file's size as "120 kB" or "2,4 MB" (1 MB being 1024 × 1024 bytes, as the limits are set).</summary>
    public static string FileSize(long bytes) =>
        bytes < 1024 * 1024
            ? $"{Math.Max(1, (bytes + 1023) / 1024).ToString(Dutch)} kB"
            : $"{(bytes / (1024.0 * 1024)).ToString("0.#", Dutch)} MB";
}
