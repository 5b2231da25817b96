using Beacon.Core.Common;
namespace Beacon.Core.Timescales;

/// <summary>
/// Instants are stored in UTC, but "which working day" is decided by the clock on the wall in
/// England: a referral received at 23:30 UTC in July arrived on the next day. The BST rule is
/// computed here (last Sunday of March to last Sunday of October, changing at 01:00 UTC) so the
/// domain does not depend on the host's time-zone database.
/// </summary>
public static class UkTime
{
    public static DateTime ToUkLocal(DateTime utc)
    {
        utc = Guard.AsUtc(utc);
        return IsBritishSummerTime(utc) ? utc.AddHours(1) : utc;
    }

    public static DateOnly ToUkDate(DateTime utc) => DateOnly.FromDateTime(ToUkLocal(utc));

    public static bool IsBritishSummerTime(DateTime utc)
    {
        var start = LastSunday(utc.Year, 3).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var end = LastSunday(utc.Year, 10).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        return utc >= start && utc < end;
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
