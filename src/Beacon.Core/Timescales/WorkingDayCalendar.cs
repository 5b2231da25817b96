namespace Beacon.Core.Timescales;

/// <summary>
/// Working days: Monday to Friday, less bank holidays. Statutory timescales count in these.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Func<DateOnly, bool> _isHoliday;

    public WorkingDayCalendar(Func<DateOnly, bool> isHoliday) => _isHoliday = isHoliday;

    public static WorkingDayCalendar EnglandAndWales { get; } = new(EnglandAndWalesBankHolidays.IsBankHoliday);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_isHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (before it
    /// when negative). The start day itself is never counted, so one working day after a Friday
    /// receipt is the Monday, and after a Saturday receipt also the Monday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier. The inverse of <see cref="AddWorkingDays"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }
}
