using Beacon.Web.Features.Chronology;

namespace Beacon.Web.Tests.Features.Chronology;

/// <summary>Within a day, what happened at a known time comes before what is known only by its date.</summary>
public sealed class ChronologyOrderTests
{
    private static ChronologyEvent At(string utc, string title, string type = ChronologyTypes.Referral) =>
        new(DateTime.SpecifyKind(DateTime.Parse(utc), DateTimeKind.Utc), true, type, title);

    [Fact]
    public void A_date_only_event_follows_the_timed_events_of_its_day()
    {
        var events = new[]
        {
            ChronologyEvent.OnDay(new DateOnly(2025, 3, 4), ChronologyTypes.Conference, "Conference held"),
            At("2025-03-04T10:00:00", "Strategy discussion at 10:00", ChronologyTypes.StrategyDiscussion),
            At("2025-03-03T16:00:00", "Referral the day before"),
            ChronologyEvent.OnDay(new DateOnly(2025, 3, 5), ChronologyTypes.Plan, "Plan started next day"),
            At("2025-03-04T08:30:00", "Missing report at 08:30", ChronologyTypes.Missing),
        };

        Assert.Equal(
            ["Referral the day before", "Missing report at 08:30", "Strategy discussion at 10:00", "Conference held", "Plan started next day"],
            events.InChronologicalOrder().Select(e => e.Title));
    }

    [Fact]
    public void A_late_evening_in_british_summer_time_belongs_to_that_english_day()
    {
        // 23:30 on 1 July in England is 22:30 UTC: it is still 1 July, before a date-only event of 1 July.
        var events = new[]
        {
            ChronologyEvent.OnDay(new DateOnly(2025, 7, 1), ChronologyTypes.Assessment, "Assessment completed"),
            At("2025-06-30T23:30:00", "Reported missing 00:30 on 1 July (BST)", ChronologyTypes.Missing),
        };

        Assert.Equal(["Reported missing 00:30 on 1 July (BST)", "Assessment completed"], events.InChronologicalOrder().Select(e => e.Title));
    }
}
