using System.Globalization;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Functions.Shared;

/// <summary>Dates and times as people in the Netherlands write them: "3 maart 2026", "3 maart 2026 om 10:15".</summary>
public static class DutchText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static string Date(DateTimeOffset instant) => Date(instant.ToDutchDate());

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DutchTime.Zone).ToString("d MMMM yyyy 'om' HH:mm", Dutch);

    public static string Number(int? value) => value?.ToString(Dutch) ?? "nog niet bekend";
}
