using System.Globalization;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Tests.Calendar;

public class TermTests
{
    [Theory]
    [InlineData(3, TermUnit.WorkingDays, "3 werkdagen")]
    [InlineData(1, TermUnit.WorkingDays, "1 werkdag")]
    [InlineData(4, TermUnit.Weeks, "4 weken")]
    [InlineData(1, TermUnit.Weeks, "1 week")]
    [InlineData(6, TermUnit.Months, "6 maanden")]
    [InlineData(1, TermUnit.Months, "1 maand")]
    [InlineData(120, TermUnit.Days, "120 dagen")]
    [InlineData(1, TermUnit.Days, "1 dag")]
    [InlineData(0, TermUnit.Days, "0 dagen")]
    public void TermLengthReadsAsDutchText(int amount, TermUnit unit, string expected)
    {
        Assert.Equal(expected, new TermLength(amount, unit).ToString());
    }

    [Theory]
    [InlineData("2026-04-27", 4, TermUnit.Weeks, "2026-05-26")]
    [InlineData("2026-03-11", 10, TermUnit.Days, "2026-03-23")]
    [InlineData("2026-03-22", 1, TermUnit.Days, "2026-03-23")]
    [InlineData("2026-01-31", 1, TermUnit.Months, "2026-03-02")]
    [InlineData("2026-03-31", 3, TermUnit.Days, "2026-04-07")]
    [InlineData("2026-04-30", 2, TermUnit.Weeks, "2026-05-18")]
    [InlineData("2025-12-01", 1, TermUnit.Months, "2026-01-05")]
    public void StatutoryTermEndingOnAWeekendOrHolidayRunsOnToTheNextWorkingDay(
        string start, int amount, TermUnit unit, string expected)
    {
        var end = LegalCalendar.Default.EndOfTerm(Date(start), new TermLength(amount, unit), statutory: true);

        Assert.Equal(Date(expected), end);
    }

    [Theory]
    [InlineData("2026-04-27", 4, TermUnit.Weeks, "2026-05-25")]
    [InlineData("2026-03-11", 10, TermUnit.Days, "2026-03-21")]
    [InlineData("2026-01-31", 1, TermUnit.Months, "2026-02-28")]
    [InlineData("2026-03-31", 3, TermUnit.Days, "2026-04-03")]
    [InlineData("2026-04-30", 2, TermUnit.Weeks, "2026-05-14")]
    public void NonStatutoryTermEndsOnTheCalendarDayEvenIfThatIsAWeekendOrHoliday(
        string start, int amount, TermUnit unit, string expected)
    {
        var end = LegalCalendar.Default.EndOfTerm(Date(start), new TermLength(amount, unit), statutory: false);

        Assert.Equal(Date(expected), end);
    }

    [Theory]
    [InlineData("2026-01-15", 6, TermUnit.Months, "2026-07-15")]
    [InlineData("2026-04-08", 4, TermUnit.Weeks, "2026-05-06")]
    [InlineData("2026-03-10", 120, TermUnit.Days, "2026-07-08")]
    public void StatutoryTermEndingOnAWorkingDayDoesNotMove(string start, int amount, TermUnit unit, string expected)
    {
        var end = LegalCalendar.Default.EndOfTerm(Date(start), new TermLength(amount, unit), statutory: true);

        Assert.Equal(Date(expected), end);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WorkingDayTermCountsWorkingDaysWhetherStatutoryOrNot(bool statutory)
    {
        var end = LegalCalendar.Default.EndOfTerm(Date("2026-04-02"), new TermLength(3, TermUnit.WorkingDays), statutory);

        Assert.Equal(Date("2026-04-09"), end);
    }

    [Fact]
    public void StatutoryTermOfZeroWorkingDaysEndsOnItsStartDayWithoutTheWeekendShift()
    {
        var end = LegalCalendar.Default.EndOfTerm(Date("2026-03-21"), new TermLength(0, TermUnit.WorkingDays), statutory: true);

        Assert.Equal(Date("2026-03-21"), end);
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    public void MonthTermOnALaterDayThanTheTargetMonthHasEndsOnItsLastDay(string start, int months, string expected)
    {
        var end = LegalCalendar.Default.EndOfTerm(Date(start), new TermLength(months, TermUnit.Months), statutory: false);

        Assert.Equal(Date(expected), end);
    }

    [Theory]
    [InlineData(TermUnit.Days)]
    [InlineData(TermUnit.Weeks)]
    [InlineData(TermUnit.Months)]
    [InlineData(TermUnit.WorkingDays)]
    public void NegativeTermLengthThrows(TermUnit unit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => LegalCalendar.Default.EndOfTerm(Date("2026-04-07"), new TermLength(-1, unit), statutory: true));
    }

    private static DateOnly Date(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
