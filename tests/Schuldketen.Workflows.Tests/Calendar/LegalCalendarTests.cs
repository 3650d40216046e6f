using System.Globalization;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Tests.Calendar;

public class LegalCalendarTests
{
    private const string FridayAfterAscension = "Gelijkgestelde dag: vrijdag na Hemelvaartsdag";

    public static TheoryData<int, string[]> HolidaysPerYear => new()
    {
        {
            2024,
            [
                "2024-01-01 Nieuwjaarsdag",
                "2024-03-29 Goede Vrijdag",
                "2024-04-01 Tweede Paasdag",
                "2024-04-27 Koningsdag",
                "2024-05-05 Bevrijdingsdag",
                "2024-05-09 Hemelvaartsdag",
                "2024-05-10 " + FridayAfterAscension,
                "2024-05-20 Tweede Pinksterdag",
                "2024-12-25 Eerste Kerstdag",
                "2024-12-26 Tweede Kerstdag",
                "2024-12-27 Gelijkgestelde dag: vrijdag na Tweede Kerstdag",
            ]
        },
        {
            2025,
            [
                "2025-01-01 Nieuwjaarsdag",
                "2025-04-18 Goede Vrijdag",
                "2025-04-21 Tweede Paasdag",
                "2025-04-26 Koningsdag",
                "2025-05-05 Bevrijdingsdag",
                "2025-05-29 Hemelvaartsdag",
                "2025-05-30 " + FridayAfterAscension,
                "2025-06-09 Tweede Pinksterdag",
                "2025-12-25 Eerste Kerstdag",
                "2025-12-26 Tweede Kerstdag",
            ]
        },
        {
            2026,
            [
                "2026-01-01 Nieuwjaarsdag",
                "2026-01-02 Gelijkgestelde dag: vrijdag na Nieuwjaarsdag",
                "2026-04-03 Goede Vrijdag",
                "2026-04-06 Tweede Paasdag",
                "2026-04-27 Koningsdag",
                "2026-05-05 Bevrijdingsdag",
                "2026-05-14 Hemelvaartsdag",
                "2026-05-15 " + FridayAfterAscension,
                "2026-05-25 Tweede Pinksterdag",
                "2026-12-25 Eerste Kerstdag",
                "2026-12-26 Tweede Kerstdag",
            ]
        },
        {
            2027,
            [
                "2027-01-01 Nieuwjaarsdag",
                "2027-03-26 Goede Vrijdag",
                "2027-03-29 Tweede Paasdag",
                "2027-04-27 Koningsdag",
                "2027-05-05 Bevrijdingsdag",
                "2027-05-06 Hemelvaartsdag",
                "2027-05-07 " + FridayAfterAscension,
                "2027-05-17 Tweede Pinksterdag",
                "2027-12-25 Eerste Kerstdag",
                "2027-12-26 Tweede Kerstdag",
            ]
        },
        {
            2028,
            [
                "2028-01-01 Nieuwjaarsdag",
                "2028-04-14 Goede Vrijdag",
                "2028-04-17 Tweede Paasdag",
                "2028-04-27 Koningsdag",
                "2028-04-28 Gelijkgestelde dag: vrijdag na Koningsdag",
                "2028-05-05 Bevrijdingsdag",
                "2028-05-25 Hemelvaartsdag",
                "2028-05-26 " + FridayAfterAscension,
                "2028-06-05 Tweede Pinksterdag",
                "2028-12-25 Eerste Kerstdag",
                "2028-12-26 Tweede Kerstdag",
            ]
        },
        {
            2029,
            [
                "2029-01-01 Nieuwjaarsdag",
                "2029-03-30 Goede Vrijdag",
                "2029-04-02 Tweede Paasdag",
                "2029-04-27 Koningsdag",
                "2029-05-05 Bevrijdingsdag",
                "2029-05-10 Hemelvaartsdag",
                "2029-05-21 Tweede Pinksterdag",
                "2029-12-25 Eerste Kerstdag",
                "2029-12-26 Tweede Kerstdag",
            ]
        },
        {
            2030,
            [
                "2030-01-01 Nieuwjaarsdag",
                "2030-04-19 Goede Vrijdag",
                "2030-04-22 Tweede Paasdag",
                "2030-04-27 Koningsdag",
                "2030-05-05 Bevrijdingsdag",
                "2030-05-30 Hemelvaartsdag",
                "2030-06-10 Tweede Pinksterdag",
                "2030-12-25 Eerste Kerstdag",
                "2030-12-26 Tweede Kerstdag",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(HolidaysPerYear))]
    public void HolidaysInListsTheAtwHolidaysAndDecreedDaysOfTheYearInDateOrder(int year, string[] expected)
    {
        var actual = LegalCalendar.Default.HolidaysIn(year)
            .Select(holiday => string.Create(CultureInfo.InvariantCulture, $"{holiday.Date:yyyy-MM-dd} {holiday.Name}"));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(HolidaysPerYear))]
    public void EveryHolidayOfTheYearIsAHolidayAndNotAWorkingDay(int year, string[] expected)
    {
        Assert.All(expected, entry =>
        {
            var date = Date(entry[..10]);
            Assert.Equal(year, date.Year);
            Assert.True(LegalCalendar.Default.IsHoliday(date), entry);
            Assert.False(LegalCalendar.Default.IsWorkingDay(date), entry);
        });
    }

    [Theory]
    [InlineData("2026-04-05")]
    [InlineData("2026-05-24")]
    [InlineData("2030-04-21")]
    [InlineData("2030-06-09")]
    public void EasterSundayAndWhitSundayAreNotListedAsHolidays(string sunday)
    {
        var date = Date(sunday);

        Assert.False(LegalCalendar.Default.IsHoliday(date));
        Assert.False(LegalCalendar.Default.IsWorkingDay(date));
    }

    [Theory]
    [InlineData(2025, "2025-04-26")]
    [InlineData(2031, "2031-04-26")]
    [InlineData(2036, "2036-04-26")]
    public void KingsDayMovesToSaturdayTheTwentySixthWhenTheTwentySeventhIsASunday(int year, string expected)
    {
        var kingsDay = Assert.Single(LegalCalendar.Default.HolidaysIn(year), holiday => holiday.Name == "Koningsdag");

        Assert.Equal(Date(expected), kingsDay.Date);
        Assert.False(LegalCalendar.Default.IsHoliday(new DateOnly(year, 4, 27)));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    [InlineData(2032)]
    [InlineData(2033)]
    [InlineData(2034)]
    [InlineData(2035)]
    [InlineData(2037)]
    [InlineData(2038)]
    [InlineData(2039)]
    [InlineData(2040)]
    public void KingsDayStaysOnTheTwentySeventhWhenThatIsNotASunday(int year)
    {
        var kingsDay = Assert.Single(LegalCalendar.Default.HolidaysIn(year), holiday => holiday.Name == "Koningsdag");

        Assert.Equal(new DateOnly(year, 4, 27), kingsDay.Date);
    }

    [Theory]
    [InlineData("2014-05-30")]
    [InlineData("2015-01-02")]
    [InlineData("2015-05-04")]
    [InlineData("2015-05-15")]
    [InlineData("2016-05-06")]
    [InlineData("2017-04-28")]
    [InlineData("2017-05-26")]
    [InlineData("2018-05-11")]
    [InlineData("2018-12-24")]
    [InlineData("2018-12-31")]
    [InlineData("2019-05-31")]
    [InlineData("2019-12-27")]
    [InlineData("2023-04-28")]
    [InlineData("2023-05-19")]
    [InlineData("2024-05-10")]
    [InlineData("2024-12-27")]
    [InlineData("2025-05-30")]
    [InlineData("2026-01-02")]
    [InlineData("2026-05-15")]
    [InlineData("2027-05-07")]
    [InlineData("2028-04-28")]
    [InlineData("2028-05-26")]
    public void DecreedDayIsAHolidayAndNotAWorkingDay(string decreed)
    {
        var date = Date(decreed);

        Assert.True(LegalCalendar.Default.IsHoliday(date));
        Assert.False(LegalCalendar.Default.IsWorkingDay(date));
        Assert.StartsWith("Gelijkgestelde dag: ", LegalCalendar.Default.HolidaysIn(date.Year).Single(h => h.Date == date).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void DayConfiguredThroughTheConstructorIsAHoliday()
    {
        var configured = new PublicHoliday(Date("2029-05-11"), "Gelijkgestelde dag: vrijdag na Hemelvaartsdag");
        var calendar = new LegalCalendar([configured]);

        Assert.True(calendar.IsHoliday(configured.Date));
        Assert.False(calendar.IsWorkingDay(configured.Date));
        Assert.Contains(configured, calendar.HolidaysIn(2029));
        Assert.Equal(Date("2029-05-14"), calendar.AddWorkingDays(Date("2029-05-09"), 1));
    }

    [Fact]
    public void ConfiguredDaysKeepTheShippedDecreedDays()
    {
        var calendar = new LegalCalendar([new PublicHoliday(Date("2029-05-11"), "Lokale sluitingsdag")]);

        Assert.True(calendar.IsHoliday(Date("2026-05-15")));
    }

    [Fact]
    public void ConfiguredDayThatIsAlsoShippedIsListedOnce()
    {
        var calendar = new LegalCalendar([new PublicHoliday(Date("2026-05-15"), "Dubbel geconfigureerd")]);

        Assert.Single(calendar.HolidaysIn(2026), holiday => holiday.Date == Date("2026-05-15"));
    }

    [Fact]
    public void ConfiguredDaysDoNotLeakIntoTheDefaultCalendar()
    {
        _ = new LegalCalendar([new PublicHoliday(Date("2029-06-13"), "Lokale sluitingsdag")]);

        Assert.False(LegalCalendar.Default.IsHoliday(Date("2029-06-13")));
    }

    [Fact]
    public void DefaultIsTheSameInstanceEveryTime()
    {
        Assert.Same(LegalCalendar.Default, LegalCalendar.Default);
    }

    [Theory]
    [InlineData("2026-04-07")]
    [InlineData("2026-05-13")]
    [InlineData("2025-04-28")]
    [InlineData("2026-12-24")]
    public void OrdinaryWeekdayIsAWorkingDay(string weekday)
    {
        Assert.True(LegalCalendar.Default.IsWorkingDay(Date(weekday)));
        Assert.False(LegalCalendar.Default.IsHoliday(Date(weekday)));
    }

    [Theory]
    [InlineData("2026-03-21")]
    [InlineData("2026-03-22")]
    public void WeekendIsNotAWorkingDayButNotAHolidayEither(string weekendDay)
    {
        Assert.False(LegalCalendar.Default.IsWorkingDay(Date(weekendDay)));
        Assert.False(LegalCalendar.Default.IsHoliday(Date(weekendDay)));
    }

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-02", 2, "2026-04-08")]
    [InlineData("2026-04-02", 3, "2026-04-09")]
    [InlineData("2026-04-03", 1, "2026-04-07")]
    public void WorkingDaysSkipGoodFridayTheEasterWeekendAndEasterMonday(string from, int count, string expected)
    {
        Assert.Equal(Date(expected), LegalCalendar.Default.AddWorkingDays(Date(from), count));
    }

    [Theory]
    [InlineData("2026-12-23", 1, "2026-12-24")]
    [InlineData("2026-12-23", 2, "2026-12-28")]
    [InlineData("2026-12-23", 6, "2027-01-04")]
    [InlineData("2025-12-31", 1, "2026-01-05")]
    public void WorkingDaysSkipChristmasTheWeekendAndNewYearAcrossTheYearEnd(string from, int count, string expected)
    {
        Assert.Equal(Date(expected), LegalCalendar.Default.AddWorkingDays(Date(from), count));
    }

    [Theory]
    [InlineData("2025-04-24", 2, "2025-04-28")]
    [InlineData("2025-04-25", 1, "2025-04-28")]
    [InlineData("2025-05-02", 1, "2025-05-06")]
    public void WorkingDaysInAYearWithKingsDayOnSaturdayGetNoMondayInLieu(string from, int count, string expected)
    {
        Assert.Equal(Date(expected), LegalCalendar.Default.AddWorkingDays(Date(from), count));
    }

    [Theory]
    [InlineData("2026-05-13", 1, "2026-05-18")]
    [InlineData("2026-05-12", 3, "2026-05-19")]
    [InlineData("2027-05-05", 1, "2027-05-10")]
    public void WorkingDaysSkipAscensionDayAndTheDecreedFridayAfterIt(string from, int count, string expected)
    {
        Assert.Equal(Date(expected), LegalCalendar.Default.AddWorkingDays(Date(from), count));
    }

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("2026-03-21")]
    [InlineData("2026-04-07")]
    public void AddingZeroWorkingDaysReturnsTheStartDate(string from)
    {
        Assert.Equal(Date(from), LegalCalendar.Default.AddWorkingDays(Date(from), 0));
    }

    [Fact]
    public void AddingANegativeNumberOfWorkingDaysThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalCalendar.Default.AddWorkingDays(Date("2026-04-07"), -1));
    }

    [Theory]
    [InlineData("2026-04-07", "2026-04-07")]
    [InlineData("2026-04-03", "2026-04-07")]
    [InlineData("2026-12-26", "2026-12-28")]
    [InlineData("2026-01-01", "2026-01-05")]
    [InlineData("2026-05-14", "2026-05-18")]
    public void NextWorkingDayOnOrAfterSkipsWeekendsHolidaysAndDecreedDays(string date, string expected)
    {
        Assert.Equal(Date(expected), LegalCalendar.Default.NextWorkingDayOnOrAfter(Date(date)));
    }

    private static DateOnly Date(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
