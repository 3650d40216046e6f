using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;

namespace Schuldketen.Workflows.Calendar;

/// <summary>
/// Public holidays and working days under the Algemene termijnenwet (Atw), including the days
/// made equal to a public holiday by royal decree (art. 3 lid 3).
/// </summary>
public sealed class LegalCalendar
{
    private const string DecreedDaysResource = "Schuldketen.Workflows.Calendar.decreed-days.tsv";
    private const string DecreedDaysHeader = "date\treason\tsource";

    private static readonly Lazy<IReadOnlyList<PublicHoliday>> ShippedDecreedDays = new(LoadShippedDecreedDays);
    private static readonly Lazy<LegalCalendar> DefaultCalendar = new(() => new LegalCalendar());

    private readonly ILookup<int, PublicHoliday> decreedDaysByYear;
    private readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> holidaysByYear = new();

    public LegalCalendar(IEnumerable<PublicHoliday>? additionalDecreedDays = null)
    {
        var additional = additionalDecreedDays?.ToList() ?? [];
        if (additional.Any(day => day is null))
        {
            throw new ArgumentException("Decreed days must not contain null.", nameof(additionalDecreedDays));
        }

        // A configured day may later also appear in the shipped table; it must count once.
        decreedDaysByYear = ShippedDecreedDays.Value
            .Concat(additional)
            .DistinctBy(day => day.Date)
            .ToLookup(day => day.Date.Year);
    }

    /// <summary>The calendar with only the shipped table of decreed days.</summary>
    public static LegalCalendar Default => DefaultCalendar.Value;

    public IReadOnlyList<PublicHoliday> HolidaysIn(int year) =>
        holidaysByYear.GetOrAdd(year, static (y, calendar) => calendar.ComputeHolidays(y), this);

    public bool IsHoliday(DateOnly date)
    {
        foreach (var holiday in HolidaysIn(date.Year))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="from"/>; <paramref name="from"/> itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var date = from;
        var remaining = count;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        var candidate = date;
        while (!IsWorkingDay(candidate))
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }

    /// <summary>
    /// The last day of a term starting on <paramref name="start"/>. A <paramref name="statutory"/> term
    /// that would end on a Saturday, Sunday or holiday runs on to the next working day (Atw art. 1);
    /// terms from a sector guideline or local policy do not.
    /// </summary>
    public DateOnly EndOfTerm(DateOnly start, TermLength length, bool statutory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length.Amount, nameof(length));

        var end = length.Unit switch
        {
            TermUnit.Days => start.AddDays(length.Amount),
            TermUnit.Weeks => start.AddDays(checked(7 * length.Amount)),
            TermUnit.Months => start.AddMonths(length.Amount),
            TermUnit.WorkingDays => AddWorkingDays(start, length.Amount),
            _ => throw new ArgumentOutOfRangeException(nameof(length), length.Unit, "Unknown term unit."),
        };

        return statutory && length.Unit != TermUnit.WorkingDays ? NextWorkingDayOnOrAfter(end) : end;
    }

    private ReadOnlyCollection<PublicHoliday> ComputeHolidays(int year)
    {
        var easter = Easter.Sunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        PublicHoliday[] statutory =
        [
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            new(easter.AddDays(-2), "Goede Vrijdag"),
            new(easter.AddDays(1), "Tweede Paasdag"),
            new(kingsDay, "Koningsdag"),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag"),
            new(easter.AddDays(39), "Hemelvaartsdag"),
            new(easter.AddDays(50), "Tweede Pinksterdag"),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        ];

        return statutory
            .Concat(decreedDaysByYear[year])
            .OrderBy(holiday => holiday.Date)
            .ToList()
            .AsReadOnly();
    }

    private static List<PublicHoliday> LoadShippedDecreedDays()
    {
        using var stream = typeof(LegalCalendar).Assembly.GetManifestResourceStream(DecreedDaysResource)
            ?? throw new InvalidOperationException($"Embedded resource {DecreedDaysResource} is missing.");
        using var reader = new StreamReader(stream);
        return ParseDecreedDays(reader);
    }

    private static List<PublicHoliday> ParseDecreedDays(TextReader reader)
    {
        if (reader.ReadLine() != DecreedDaysHeader)
        {
            throw new InvalidOperationException(
                $"{DecreedDaysResource} line 1: expected the header '{DecreedDaysHeader.Replace("\t", "<TAB>", StringComparison.Ordinal)}'.");
        }

        var days = new List<PublicHoliday>();
        var seen = new HashSet<DateOnly>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var fields = line.Split('\t');
            if (fields.Length != 3
                || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || string.IsNullOrWhiteSpace(fields[1])
                || string.IsNullOrWhiteSpace(fields[2]))
            {
                throw new InvalidOperationException(
                    $"{DecreedDaysResource} line {lineNumber} is malformed: expected 'yyyy-MM-dd<TAB>reason<TAB>source'.");
            }

            if (!seen.Add(date))
            {
                throw new InvalidOperationException(
                    $"{DecreedDaysResource} line {lineNumber} repeats the date {fields[0]}.");
            }

            days.Add(new PublicHoliday(date, fields[1]));
        }

        return days;
    }
}
