using System.Globalization;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Tests.Calendar;

public class EasterTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    public void SundayGivesEasterSundayForTheYearsTheEngineRunsIn(int year, string expected)
    {
        Assert.Equal(Date(expected), Easter.Sunday(year));
    }

    [Theory]
    [InlineData(1818, "1818-03-22")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(1961, "1961-04-02")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    public void SundayMatchesKnownEasterDatesIncludingTheEarliestAndLatestPossible(int year, string expected)
    {
        Assert.Equal(Date(expected), Easter.Sunday(year));
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void SundayRejectsYearsOutsideTheGregorianDateRange(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
    }

    private static DateOnly Date(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
