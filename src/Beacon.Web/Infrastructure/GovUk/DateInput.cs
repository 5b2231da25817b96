using System.Globalization;

namespace Beacon.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK date pattern: day, month and year typed separately. Kept as text so an impossible date
/// (31 February) comes back to the person with their own input and a clear message.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public const int MinimumYear = 1900;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The date, or null with what is wrong with it put beside the field (<paramref name="key"/>), so a form reports every problem at once.</summary>
    public DateOnly? Read(string label, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string key)
    {
        if (TryRead(label, out var date, out var error)) return date;
        modelState.AddModelError(key, error);
        return null;
    }

    /// <summary>Reads the date, or says what is wrong with it in the GOV.UK wording.</summary>
    public bool TryRead(string label, out DateOnly date, out string error)
    {
        date = default;
        error = "";
        if (IsEmpty) { error = $"Enter the {label}"; return false; }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0) { error = $"The {label} must include a {string.Join(" and ", missing)}"; return false; }
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        { error = $"The {label} must be a real date, written in numbers"; return false; }
        if (Year!.Trim().Length != 4) { error = $"The year of the {label} must include 4 numbers"; return false; }
        // "0000" has four numbers but no calendar has a year 0; anything before 1900 is a typing error in a child's record.
        if (y < MinimumYear) { error = $"The {label} must be in {MinimumYear} or later"; return false; }
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) { error = $"The {label} must be a real date"; return false; }
        date = new DateOnly(y, m, d);
        return true;
    }
}
