using Beacon.Core.Common;
using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Timescales;

/// <summary>The steps 'Working Together to Safeguard Children' puts a clock on. Numbers are stored.</summary>
public enum StatutoryStep
{
    [Display(Name = "Decision on referral")] ReferralDecision = 1,
    [Display(Name = "Assessment")] Assessment = 2,
    [Display(Name = "Initial child protection conference")] InitialChildProtectionConference = 3,
    [Display(Name = "First review conference")] FirstReviewConference = 4,
    [Display(Name = "Review conference")] ReviewConference = 5,
    [Display(Name = "Return home interview")] ReturnHomeInterview = 6,
}

/// <summary>
/// When each statutory step falls due. Date-based steps count working days (or calendar months)
/// from the England date of the triggering event; the return home interview counts hours.
/// </summary>
public sealed class StatutoryTimescales(WorkingDayCalendar calendar)
{
    public const int ReferralDecisionWorkingDays = 1;
    public const int AssessmentWorkingDays = 45;
    public const int InitialConferenceWorkingDays = 15;
    public const int FirstReviewMonths = 3;
    public const int LaterReviewMonths = 6;
    public static readonly TimeSpan ReturnHomeInterviewWithin = TimeSpan.FromHours(72);

    public static StatutoryTimescales EnglandAndWales { get; } = new(WorkingDayCalendar.EnglandAndWales);

    public WorkingDayCalendar Calendar { get; } = calendar;

    public DateOnly ReferralDecisionDue(DateOnly receivedOn) =>
        Calendar.AddWorkingDays(receivedOn, ReferralDecisionWorkingDays);

    public DateOnly ReferralDecisionDue(DateTime receivedAtUtc) =>
        ReferralDecisionDue(UkTime.ToUkDate(receivedAtUtc));

    public DateOnly AssessmentDue(DateOnly referralReceivedOn) =>
        Calendar.AddWorkingDays(referralReceivedOn, AssessmentWorkingDays);

    /// <summary>Counted from the last strategy discussion: a later one restarts the clock.</summary>
    public DateOnly InitialConferenceDue(DateOnly lastStrategyDiscussionOn) =>
        Calendar.AddWorkingDays(lastStrategyDiscussionOn, InitialConferenceWorkingDays);

    // "Within 3 months": the same date three months on (clamped to the month's end), not moved
    // to a working day, because the conference must happen by then.
    public DateOnly FirstReviewDue(DateOnly initialConferenceOn) => initialConferenceOn.AddMonths(FirstReviewMonths);

    public DateOnly NextReviewDue(DateOnly previousReviewOn) => previousReviewOn.AddMonths(LaterReviewMonths);

    public DateTime ReturnHomeInterviewDue(DateTime returnedAtUtc) =>
        Guard.AsUtc(returnedAtUtc) + ReturnHomeInterviewWithin;
}
