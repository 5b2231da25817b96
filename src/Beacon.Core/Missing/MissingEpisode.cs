using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Missing;

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

    public void RecordReturn(DateTime returnedAtUtc, string recordedByUserId)
    {
        if (ReturnedAtUtc is not null)
            throw new DomainRuleViolation("The child's return has already been recorded for this episode.");
        var by = Guard.Required(recordedByUserId, nameof(ReturnRecordedByUserId), "The person recording the return must be recorded.");
        var at = Guard.AsUtc(returnedAtUtc, nameof(ReturnedAtUtc));
        if (at < ReportedMissingAtUtc)
            throw new DomainRuleViolation("The return cannot be before the child was reported missing.", nameof(ReturnedAtUtc));
        ReturnedAtUtc = at;
        ReturnRecordedByUserId = by;
    }

    public void RecordReturnHomeInterview(DateTime doneAtUtc, string byUserId)
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
