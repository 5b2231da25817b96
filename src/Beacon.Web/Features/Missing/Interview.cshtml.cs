using Beacon.Core.Missing;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Features.Missing;

/// <summary>The return home interview: the independent conversation that finds out where the child was, and with whom.</summary>
public sealed class InterviewModel(MissingEpisodeRecords missing, BeaconDbContext db) : EpisodeStepModel(missing, db)
{
    protected override string MomentLabel => "of the interview";
    protected override bool AlreadyRecorded(MissingEpisode episode) => episode.ReturnHomeInterviewDoneAtUtc is not null;
    protected override void Record(MissingEpisode episode, DateTime atUtc, string userId) => episode.RecordReturnHomeInterview(atUtc, userId, Details.Findings, Details.RaisesConcern);
    protected override string Done => Details.RaisesConcern == true
        ? "Return home interview recorded. It raised a concern: raise a concern with the front door, or start a risk reassessment, from the episode below."
        : "Return home interview recorded";

    public TimescaleOutcome? Timescale => Episode?.ReturnHomeInterviewTimescale(Missing.Timescales, Missing.Now);
}
