using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Missing;

/// <summary>The police's grading of the risk to a missing child (College of Policing). Numbers are stored.</summary>
public enum MissingRiskGrading
{
    [System.ComponentModel.DataAnnotations.Display(Name = "No apparent risk")] NoApparentRisk = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Low")] Low = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Medium")] Medium = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "High")] High = 4,
}

/// <summary>
/// A child reported missing, their return, and the return home interview that must follow within
/// 72 hours of the return: the conversation that finds out where they were and who with.
/// </summary>
public sealed class MissingEpisode : IVersioned
{
    private MissingEpisode() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }

    public Guid ChildId { get; private set; }
    public DateTime ReportedMissingAtUtc { get; private set; }
    public string ReportedByUserId { get; private set; } = "";
    public DateTime? ReturnedAtUtc { get; private set; }
    public string? ReturnRecordedByUserId { get; private set; }
    public DateTime? ReturnHomeInterviewDoneAtUtc { get; private set; }
    public string? ReturnHomeInterviewByUserId { get; private set; }

    public const int WhoReportedMaxLength = 200;
    public const int PoliceReferenceMaxLength = 50;
    public const int WhereFoundMaxLength = 500;

    /// <summary>Who raised the alarm (a carer, a parent, the school), as the person recording was told.</summary>
    public string? WhoReported { get; private set; }
    public string? PoliceReference { get; private set; }
    public MissingRiskGrading? PoliceRiskGrading { get; private set; }
    /// <summary>Where the child was found or came back from: the places that matter for exploitation.</summary>
    public string? WhereFound { get; private set; }
    /// <summary>What the return home interview found: where they were, with whom, what happened.</summary>
    public string? InterviewFindings { get; private set; }
    /// <summary>Whether the interview raised a concern that calls for a referral or a risk reassessment.</summary>
    public bool? InterviewRaisedConcern { get; private set; }

    public bool IsStillMissing => ReturnedAtUtc is null;

    /// <summary>A child reported missing by <paramref name="reporter"/>, whose organisation is involved from now on.</summary>
    public static MissingEpisode Report(Children.Child child, DateTime reportedMissingAtUtc, Access.Actor reporter, DateTime nowUtc)
    {
        var episode = Report(child.Id, reportedMissingAtUtc, reporter.UserId);
        child.InvolveOrganisationOf(reporter, nowUtc);
        return episode;
    }

    internal static MissingEpisode Report(Guid childId, DateTime reportedMissingAtUtc, string reportedByUserId)
    {
        if (childId == Guid.Empty)
            throw new DomainRuleViolation("Choose the child who is missing.", nameof(ChildId));
        return new MissingEpisode
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            ReportedMissingAtUtc = Guard.AsUtc(reportedMissingAtUtc, nameof(ReportedMissingAtUtc)),
            ReportedByUserId = Guard.Required(reportedByUserId, nameof(ReportedByUserId), "The person reporting must be recorded."),
        };
    }

    /// <summary>Who reported it and the police's reference and risk grading: recorded at the report or added later.</summary>
    public void RecordReportDetails(string? whoReported, string? policeReference, MissingRiskGrading? grading)
    {
        if (grading is { } g && !Enum.IsDefined(g)) throw new DomainRuleViolation("Select the police's risk grading from the list", nameof(PoliceRiskGrading));
        WhoReported = Guard.Optional(whoReported, nameof(WhoReported), WhoReportedMaxLength);
        PoliceReference = Guard.Optional(policeReference, nameof(PoliceReference), PoliceReferenceMaxLength);
        PoliceRiskGrading = grading;
    }

    public void RecordReturn(DateTime returnedAtUtc, string recordedByUserId, string? whereFound = null)
    {
        var where = Guard.Optional(whereFound, nameof(WhereFound), WhereFoundMaxLength);
        if (ReturnedAtUtc is not null)
            throw new DomainRuleViolation("The child's return has already been recorded for this episode.");
        var by = Guard.Required(recordedByUserId, nameof(ReturnRecordedByUserId), "The person recording the return must be recorded.");
        var at = Guard.AsUtc(returnedAtUtc, nameof(ReturnedAtUtc));
        if (at < ReportedMissingAtUtc)
            throw new DomainRuleViolation("The return cannot be before the child was reported missing.", nameof(ReturnedAtUtc));
        ReturnedAtUtc = at;
        ReturnRecordedByUserId = by;
        WhereFound = where;
    }

    /// <summary>The interview, what it found, and whether that raises a concern to act on (a referral, a reassessment).</summary>
    public void RecordReturnHomeInterview(DateTime doneAtUtc, string byUserId, string? findings, bool? raisesConcern)
    {
        // Whether an interview can be recorded at all comes before what it says.
        if (ReturnedAtUtc is null)
            throw new DomainRuleViolation("A return home interview can only be recorded after the child's return.");
        if (ReturnHomeInterviewDoneAtUtc is not null)
            throw new DomainRuleViolation("The return home interview has already been recorded for this episode.");
        var found = Guard.Text(findings, nameof(InterviewFindings), "Enter what the interview found: where they were, who with, and what happened");
        if (raisesConcern is null) throw new DomainRuleViolation("Say whether the interview raised a concern", nameof(InterviewRaisedConcern));
        Interviewed(doneAtUtc, byUserId);
        InterviewFindings = found;
        InterviewRaisedConcern = raisesConcern;
    }

    private void Interviewed(DateTime doneAtUtc, string byUserId)
    {
        if (ReturnedAtUtc is not { } returned)
            throw new DomainRuleViolation("A return home interview can only be recorded after the child's return.");
        if (ReturnHomeInterviewDoneAtUtc is not null)
            throw new DomainRuleViolation("The return home interview has already been recorded for this episode.");
        var by = Guard.Required(byUserId, nameof(ReturnHomeInterviewByUserId), "Record who did the return home interview.");
        var at = Guard.AsUtc(doneAtUtc, nameof(ReturnHomeInterviewDoneAtUtc));
        if (at < returned)
            throw new DomainRuleViolation("The return home interview cannot be before the child returned.", nameof(ReturnHomeInterviewDoneAtUtc));
        ReturnHomeInterviewDoneAtUtc = at;
        ReturnHomeInterviewByUserId = by;
    }

    /// <summary>None while the child is still missing: the clock starts at the return.</summary>
    public DateTime? ReturnHomeInterviewDueAtUtc(StatutoryTimescales timescales) =>
        ReturnedAtUtc is { } returned ? timescales.ReturnHomeInterviewDue(returned) : null;

    public TimescaleOutcome? ReturnHomeInterviewTimescale(StatutoryTimescales timescales, DateTime nowUtc) =>
        ReturnHomeInterviewDueAtUtc(timescales) is { } due
            ? TimescaleOutcome.InHours(StatutoryStep.ReturnHomeInterview, due, ReturnHomeInterviewDoneAtUtc, nowUtc)
            : null;
}
