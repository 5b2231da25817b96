using Beacon.Core.Missing;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Features.Missing;

public sealed class ReturnModel(MissingEpisodeRecords missing, BeaconDbContext db) : EpisodeStepModel(missing, db)
{
    protected override string MomentLabel => "they returned";
    protected override bool AlreadyRecorded(MissingEpisode episode) => episode.ReturnedAtUtc is not null;
    protected override void Record(MissingEpisode episode, DateTime atUtc, string userId) => episode.RecordReturn(atUtc, userId, Details.WhereFound);
    protected override string Done => "Return recorded. A return home interview is due within 72 hours of the return.";
}
