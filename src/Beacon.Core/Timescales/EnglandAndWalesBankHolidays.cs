using System.Collections.Concurrent;

namespace Beacon.Core.Timescales;

/// <summary>
/// England and Wales bank holidays, computed by rule for any year (the rules as they have stood
/// since 1978, when early May was added) and corrected by the one-off changes in
/// <see cref="KnownChanges"/>. When a new one-off day is proclaimed, add it to that list.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    public const string NewYearsDay = "New Year's Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";

    public static IReadOnlyList<BankHolidayChange> KnownChanges { get; } =
    [
        new(new DateOnly(1995, 5, 8), "Early May bank holiday (VE Day)", Replaces: new DateOnly(1995, 5, 1)),
        new(new DateOnly(1999, 12, 31), "Millennium celebrations"),
        new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"),
        new(new DateOnly(2002, 6, 4), Spring, Replaces: new DateOnly(2002, 5, 27)),
        new(new DateOnly(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),
        new(new DateOnly(2012, 6, 4), Spring, Replaces: new DateOnly(2012, 5, 28)),
        new(new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee"),
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE Day)", Replaces: new DateOnly(2020, 5, 4)),
        new(new DateOnly(2022, 6, 2), Spring, Replaces: new DateOnly(2022, 5, 30)),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(new DateOnly(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        new(new DateOnly(2023, 5, 8), "Coronation of King Charles III"),
    ];

    private static readonly ConcurrentDictionary<int, IReadOnlyList<BankHoliday>> ByYear = new();
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> DatesByYear = new();

    /// <summary>The bank holidays taken in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> For(int year) => ByYear.GetOrAdd(year, Compute);

    public static bool IsBankHoliday(DateOnly date) =>
        DatesByYear.GetOrAdd(date.Year, y => For(y).Select(h => h.Date).ToHashSet()).Contains(date);

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static IReadOnlyList<BankHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<BankHoliday>
        {
            Observed(new DateOnly(year, 1, 1), NextWeekdayOnOrAfter(new DateOnly(year, 1, 1)), NewYearsDay),
            new(easter.AddDays(-2), GoodFriday),
            new(easter.AddDays(1), EasterMonday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            new(LastMonday(year, 8), Summer),
        };
        days.AddRange(ChristmasAndBoxingDay(year));

        foreach (var change in KnownChanges.Where(c => c.Date.Year == year))
        {
            if (change.Replaces is { } replaced)
                days.RemoveAll(d => d.Date == replaced);
            days.Add(new BankHoliday(change.Date, change.Name));
        }

        return days.OrderBy(d => d.Date).ToList().AsReadOnly();
    }

    // Both days need a weekday of their own. When Christmas is on a Sunday, Boxing Day keeps
    // Monday and Christmas is substituted on Tuesday; when both fall at the weekend they become
    // Monday and Tuesday in order.
    private static IEnumerable<BankHoliday> ChristmasAndBoxingDay(int year)
    {
        var christmasDay = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        var christmas = NextWeekdayOnOrAfter(christmasDay);
        var boxing = NextWeekdayOnOrAfter(boxingDay);
        if (christmas == boxing)
        {
            if (christmasDay.DayOfWeek == DayOfWeek.Sunday) christmas = NextWeekdayOnOrAfter(boxing.AddDays(1));
            else boxing = NextWeekdayOnOrAfter(christmas.AddDays(1));
        }
        return [Observed(christmasDay, christmas, ChristmasDay), Observed(boxingDay, boxing, BoxingDay)];
    }

    private static BankHoliday Observed(DateOnly actual, DateOnly taken, string name) =>
        new(taken, taken == actual ? name : $"{name} (substitute day)");

    private static DateOnly NextWeekdayOnOrAfter(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
