using Beacon.Core.Children;
using Beacon.Core.Missing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public const string OpenEpisodeIndex = "IX_MissingEpisodes_ChildId_Open";

    public void Configure(EntityTypeBuilder<MissingEpisode> episode)
    {
        episode.HasKey(e => e.Id);
        episode.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        episode.Property(e => e.ReportedByUserId).HasMaxLength(450);
        episode.Property(e => e.ReturnRecordedByUserId).HasMaxLength(450);
        episode.Property(e => e.ReturnHomeInterviewByUserId).HasMaxLength(450);
        episode.Property(e => e.WhoReported).HasMaxLength(MissingEpisode.WhoReportedMaxLength);
        episode.Property(e => e.PoliceReference).HasMaxLength(MissingEpisode.PoliceReferenceMaxLength);
        episode.Property(e => e.WhereFound).HasMaxLength(MissingEpisode.WhereFoundMaxLength);
        episode.Property(e => e.InterviewFindings).HasMaxLength(Core.Common.TextLimits.FreeText);
        episode.Ignore(e => e.IsStillMissing);
        // A child's episodes in order (repeatedly-missing check, chronology) and the outstanding interviews list.
        episode.HasIndex(e => new { e.ChildId, e.ReportedMissingAtUtc });
        episode.HasIndex(e => new { e.ReturnHomeInterviewDoneAtUtc, e.ReturnedAtUtc });
        // A child cannot go missing twice at once: the database holds the rule even against two reports at the same moment.
        episode.HasIndex(e => e.ChildId).IsUnique().HasFilter("\"ReturnedAtUtc\" IS NULL").HasDatabaseName(OpenEpisodeIndex);
    }
}
