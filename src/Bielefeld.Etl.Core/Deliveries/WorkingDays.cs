namespace Bielefeld.Etl.Deliveries;

/// <summary>
/// Working days in Bielefeld: Monday to Friday, minus the public holidays of Nordrhein-Westfalen, computed from the
/// year (Easter by the Gregorian computus), never taken from a list of dates.
/// </summary>
public static class WorkingDays
{
    /// <summary>Whether <paramref name="date"/> is a public holiday in Nordrhein-Westfalen.</summary>
    public static bool IsPublicHoliday(DateOnly date) => PublicHolidays(date.Year).ContainsKey(date);

    /// <summary>Whether <paramref name="date"/> is a working day (Mon–Fri, no NRW public holiday).</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>The <paramref name="n"/>-th working day (1-based) of a month.</summary>
    public static DateOnly NthWorkingDay(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var day = new DateOnly(year, month, 1);
        var count = 0;
        while (true)
        {
            if (IsWorkingDay(day) && ++count == n)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>The NRW public holidays of a year with their names.</summary>
    public static IReadOnlyDictionary<DateOnly, string> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "Neujahr",
            [easter.AddDays(-2)] = "Karfreitag",
            [easter.AddDays(1)] = "Ostermontag",
            [new DateOnly(year, 5, 1)] = "Tag der Arbeit",
            [easter.AddDays(39)] = "Christi Himmelfahrt",
            [easter.AddDays(50)] = "Pfingstmontag",
            [easter.AddDays(60)] = "Fronleichnam",
            [new DateOnly(year, 10, 3)] = "Tag der Deutschen Einheit",
            [new DateOnly(year, 11, 1)] = "Allerheiligen",
            [new DateOnly(year, 12, 25)] = "1. Weihnachtstag",
            [new DateOnly(year, 12, 26)] = "2. Weihnachtstag",
        };
        if (year == 2017)
        {
            // 500 Jahre Reformation: once, a public holiday in every Land.
            holidays[new DateOnly(2017, 10, 31)] = "Reformationstag";
        }

        return holidays;
    }

    /// <summary>Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
