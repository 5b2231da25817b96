namespace Beacon.Core.Timescales;

/// <summary>One England and Wales bank holiday (the day it is actually taken, after any substitution).</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// A one-off change the government declared: either an extra day, or a rule-based day moved
/// (<see cref="Replaces"/> is the date the rule would have given).
/// </summary>
public sealed record BankHolidayChange(DateOnly Date, string Name, DateOnly? Replaces = null);
