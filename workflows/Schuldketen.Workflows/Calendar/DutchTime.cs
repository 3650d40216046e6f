namespace Schuldketen.Workflows.Calendar;

/// <summary>Legal terms run in Dutch calendar days, whatever the server's time zone.</summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly ToDutchDate(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>A wall-clock time in the Netherlands, as an instant.</summary>
    public static DateTimeOffset FromDutchClock(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));

    /// <summary>The wall-clock time in the Netherlands at <paramref name="instant"/>.</summary>
    public static DateTime ToDutchClock(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Midnight in the Netherlands at the start of <paramref name="date"/>, as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
