using Beacon.Core.Common;
using Beacon.Core.Missing;
using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Missing;

public class MissingEpisodeTests
{
    private static readonly StatutoryTimescales Timescales = StatutoryTimescales.EnglandAndWales;
    private static readonly Guid Child = Guid.NewGuid();
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    private static MissingEpisode Returned(string missing = "2024-05-09T20:00:00", string returned = "2024-05-10T22:00:00")
    {
        var episode = MissingEpisode.Report(Child, Utc(missing), "police-1");
        episode.RecordReturn(Utc(returned), "police-1");
        return episode;
    }

    [Fact]
    public void Still_missing_has_no_interview_clock()
    {
        var episode = MissingEpisode.Report(Child, Utc("2024-05-09T20:00:00"), "police-1");
        Assert.True(episode.IsStillMissing);
        Assert.Null(episode.ReturnHomeInterviewDueAtUtc(Timescales));
        Assert.Null(episode.ReturnHomeInterviewTimescale(Timescales, Utc("2024-06-01T00:00:00")));
    }

    [Fact]
    public void Unknown_child_is_refused() =>
        Assert.Throws<DomainRuleViolation>(() => MissingEpisode.Report(Guid.Empty, Utc("2024-05-09T20:00:00"), "police-1"));

    [Fact]
    public void Return_home_interview_is_due_72_hours_after_return()
    {
        var episode = Returned();
        Assert.False(episode.IsStillMissing);
        Assert.Equal(Utc("2024-05-13T22:00:00"), episode.ReturnHomeInterviewDueAtUtc(Timescales));
    }

    [Fact]
    public void Return_before_going_missing_is_refused()
    {
        var episode = MissingEpisode.Report(Child, Utc("2024-05-09T20:00:00"), "police-1");
        var ex = Assert.Throws<DomainRuleViolation>(() => episode.RecordReturn(Utc("2024-05-09T19:59:00"), "police-1"));
        Assert.Equal(nameof(MissingEpisode.ReturnedAtUtc), ex.Field);
        Assert.True(episode.IsStillMissing);
    }

    [Fact]
    public void Return_cannot_be_recorded_twice() =>
        Assert.Throws<DomainRuleViolation>(() => Returned().RecordReturn(Utc("2024-05-11T10:00:00"), "police-1"));

    [Fact]
    public void Interview_needs_a_return_first()
    {
        var episode = MissingEpisode.Report(Child, Utc("2024-05-09T20:00:00"), "police-1");
        Assert.Throws<DomainRuleViolation>(() => episode.RecordReturnHomeInterview(Utc("2024-05-11T10:00:00"), "outreach-1", "Stayed with a friend", false));
    }

    [Fact]
    public void Interview_before_the_return_is_refused()
    {
        var episode = Returned();
        Assert.Throws<DomainRuleViolation>(() => episode.RecordReturnHomeInterview(Utc("2024-05-10T21:00:00"), "outreach-1", "Stayed with a friend", false));
        Assert.Null(episode.ReturnHomeInterviewDoneAtUtc);
    }

    [Fact]
    public void Interview_needs_the_person_who_did_it()
    {
        var episode = Returned();
        var ex = Assert.Throws<DomainRuleViolation>(() => episode.RecordReturnHomeInterview(Utc("2024-05-11T10:00:00"), "", "Stayed with a friend", false));
        Assert.Equal(nameof(MissingEpisode.ReturnHomeInterviewByUserId), ex.Field);
    }

    [Theory]
    [InlineData("2024-05-13T22:00:00", TimescaleState.MetOnTime, 0)]
    [InlineData("2024-05-14T09:15:00", TimescaleState.MetLate, 12)]
    public void Interview_timescale_when_done(string doneAt, TimescaleState state, int hoursLate)
    {
        var episode = Returned();
        episode.RecordReturnHomeInterview(Utc(doneAt), "outreach-1", "Stayed with a friend", false);
        Assert.Equal("outreach-1", episode.ReturnHomeInterviewByUserId);
        var outcome = episode.ReturnHomeInterviewTimescale(Timescales, Utc("2024-06-01T00:00:00"))!;
        Assert.Equal((StatutoryStep.ReturnHomeInterview, state, hoursLate, TimescaleUnit.Hours),
            (outcome.Step, outcome.State, outcome.Amount, outcome.Unit));
        Assert.Throws<DomainRuleViolation>(() => episode.RecordReturnHomeInterview(Utc(doneAt), "outreach-1", "Stayed with a friend", false));
    }

    [Theory]
    [InlineData("2024-05-12T22:00:00", TimescaleState.Due, 24)]
    [InlineData("2024-05-15T01:00:00", TimescaleState.Overdue, 27)]
    public void Interview_timescale_when_not_done(string now, TimescaleState state, int amount)
    {
        var outcome = Returned().ReturnHomeInterviewTimescale(Timescales, Utc(now))!;
        Assert.Equal((state, amount), (outcome.State, outcome.Amount));
    }

    [Fact]
    public void The_interview_records_what_it_found_and_whether_it_raised_a_concern()
    {
        var episode = Returned();
        Assert.Equal("InterviewFindings", Assert.Throws<DomainRuleViolation>(() =>
            episode.RecordReturnHomeInterview(Utc("2024-05-11T10:00:00"), "outreach-1", " ", false)).Field);
        Assert.Equal("InterviewRaisedConcern", Assert.Throws<DomainRuleViolation>(() =>
            episode.RecordReturnHomeInterview(Utc("2024-05-11T10:00:00"), "outreach-1", "Was at a flat in town", null)).Field);
        Assert.Null(episode.ReturnHomeInterviewDoneAtUtc); // a refused interview records nothing

        episode.RecordReturnHomeInterview(Utc("2024-05-11T10:00:00"), "outreach-1", "Was at a flat in town with older men", true);
        Assert.Equal(("Was at a flat in town with older men", true), (episode.InterviewFindings, episode.InterviewRaisedConcern));
    }

    [Fact]
    public void Where_the_child_was_found_and_the_police_details_are_kept_within_their_limits()
    {
        var episode = MissingEpisode.Report(Child, Utc("2024-05-09T20:00:00"), "police-1");
        episode.RecordReportDetails("Foster carer", "NP-2024-0042", MissingRiskGrading.High);
        Assert.Equal(("Foster carer", "NP-2024-0042", MissingRiskGrading.High), (episode.WhoReported, episode.PoliceReference, episode.PoliceRiskGrading));
        Assert.Equal("PoliceReference", Assert.Throws<DomainRuleViolation>(() => episode.RecordReportDetails(null, new string('9', 51), null)).Field);
        Assert.Equal("PoliceRiskGrading", Assert.Throws<DomainRuleViolation>(() => episode.RecordReportDetails(null, null, (MissingRiskGrading)9)).Field);

        Assert.Equal("WhereFound", Assert.Throws<DomainRuleViolation>(() => episode.RecordReturn(Utc("2024-05-10T22:00:00"), "police-1", new string('x', 501))).Field);
        Assert.True(episode.IsStillMissing);
        episode.RecordReturn(Utc("2024-05-10T22:00:00"), "police-1", "Found at the taxi rank on Station Road");
        Assert.Equal("Found at the taxi rank on Station Road", episode.WhereFound);
    }
}
