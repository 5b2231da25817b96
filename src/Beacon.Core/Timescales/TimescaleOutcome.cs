using Beacon.Core.Common;
namespace Beacon.Core.Timescales;

public enum TimescaleState
{
    /// <summary>Not done yet, and still in time (including due today).</summary>
    Due = 1,
    /// <summary>Not done, and the due date or time has passed.</summary>
    Overdue = 2,
    MetOnTime = 3,
    /// <summary>Done, but after it was due: still a breach, and still counted.</summary>
    MetLate = 4,
}

public enum TimescaleUnit { WorkingDays = 1, CalendarDays = 2, Hours = 3 }

/// <summary>
/// Where one statutory step stands against its clock, and by how much: the "what" and "by how long"
/// of a breach (the case or episode it belongs to supplies the "who").
/// </summary>
/// <param name="Amount">
/// For <see cref="TimescaleState.Due"/>, how long is left (0 = due today, or within the hour);
/// for <see cref="TimescaleState.Overdue"/> and <see cref="TimescaleState.MetLate"/>, how late
/// (at least 1); 0 when met on time.
/// </param>
/// <param name="DueAtUtc">Only for steps timed in hours.</param>
public sealed record TimescaleOutcome(
    StatutoryStep Step,
    TimescaleState State,
    DateOnly DueOn,
    DateTime? DueAtUtc,
    int Amount,
    TimescaleUnit Unit)
{
    /// <summary>The England date the step was done, when it has been.</summary>
    public DateOnly? MetOn { get; init; }

    public bool IsBreach => State is TimescaleState.Overdue or TimescaleState.MetLate;
    public bool IsOutstanding => State is TimescaleState.Due or TimescaleState.Overdue;

    /// <summary>A step timed in working days. Met on the due date is on time.</summary>
    public static TimescaleOutcome InWorkingDays(
        StatutoryStep step, DateOnly dueOn, DateOnly? metOn, DateOnly today, WorkingDayCalendar calendar)
    {
        if (metOn is { } met)
            return met <= dueOn
                ? new(step, TimescaleState.MetOnTime, dueOn, null, 0, TimescaleUnit.WorkingDays) { MetOn = met }
                : new(step, TimescaleState.MetLate, dueOn, null, Late(calendar.WorkingDaysBetween(dueOn, met)), TimescaleUnit.WorkingDays) { MetOn = met };
        return today <= dueOn
            ? new(step, TimescaleState.Due, dueOn, null, calendar.WorkingDaysBetween(today, dueOn), TimescaleUnit.WorkingDays)
            : new(step, TimescaleState.Overdue, dueOn, null, Late(calendar.WorkingDaysBetween(dueOn, today)), TimescaleUnit.WorkingDays);
    }

    /// <summary>A step timed in calendar months (review conferences); lateness is told in days.</summary>
    public static TimescaleOutcome InCalendarDays(StatutoryStep step, DateOnly dueOn, DateOnly? metOn, DateOnly today)
    {
        if (metOn is { } met)
            return met <= dueOn
                ? new(step, TimescaleState.MetOnTime, dueOn, null, 0, TimescaleUnit.CalendarDays) { MetOn = met }
                : new(step, TimescaleState.MetLate, dueOn, null, met.DayNumber - dueOn.DayNumber, TimescaleUnit.CalendarDays) { MetOn = met };
        return today <= dueOn
            ? new(step, TimescaleState.Due, dueOn, null, dueOn.DayNumber - today.DayNumber, TimescaleUnit.CalendarDays)
            : new(step, TimescaleState.Overdue, dueOn, null, today.DayNumber - dueOn.DayNumber, TimescaleUnit.CalendarDays);
    }

    /// <summary>A step timed in hours. Lateness rounds up, so a minute late is an hour late, never "0 hours".</summary>
    public static TimescaleOutcome InHours(StatutoryStep step, DateTime dueAtUtc, DateTime? metAtUtc, DateTime nowUtc)
    {
        dueAtUtc = Guard.AsUtc(dueAtUtc);
        var dueOn = UkTime.ToUkDate(dueAtUtc);
        if (metAtUtc is { } metRaw)
        {
            var met = Guard.AsUtc(metRaw);
            return met <= dueAtUtc
                ? new(step, TimescaleState.MetOnTime, dueOn, dueAtUtc, 0, TimescaleUnit.Hours) { MetOn = UkTime.ToUkDate(met) }
                : new(step, TimescaleState.MetLate, dueOn, dueAtUtc, HoursLate(met - dueAtUtc), TimescaleUnit.Hours) { MetOn = UkTime.ToUkDate(met) };
        }
        var now = Guard.AsUtc(nowUtc);
        return now <= dueAtUtc
            ? new(step, TimescaleState.Due, dueOn, dueAtUtc, (int)Math.Floor((dueAtUtc - now).TotalHours), TimescaleUnit.Hours)
            : new(step, TimescaleState.Overdue, dueOn, dueAtUtc, HoursLate(now - dueAtUtc), TimescaleUnit.Hours);
    }

    /// <summary>Plain words for a caseload list, e.g. "Overdue by 3 working days".</summary>
    public string Describe()
    {
        var amount = $"{Amount} {UnitName(Amount)}";
        return State switch
        {
            TimescaleState.MetOnTime => "Done on time",
            TimescaleState.MetLate => $"Done {amount} late",
            TimescaleState.Overdue => $"Overdue by {amount}",
            _ when Amount == 0 => Unit == TimescaleUnit.Hours ? "Due within the hour" : "Due today",
            _ => $"Due in {amount}",
        };
    }

    private string UnitName(int amount) => (Unit, amount) switch
    {
        (TimescaleUnit.WorkingDays, 1) => "working day",
        (TimescaleUnit.WorkingDays, _) => "working days",
        (TimescaleUnit.CalendarDays, 1) => "day",
        (TimescaleUnit.CalendarDays, _) => "days",
        (_, 1) => "hour",
        _ => "hours",
    };

    // Late onto a weekend is still late: never report a breach as "0 working days".
    private static int Late(int workingDays) => Math.Max(1, workingDays);

    private static int HoursLate(TimeSpan late) => Math.Max(1, (int)Math.Ceiling(late.TotalHours));
}
