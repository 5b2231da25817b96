using Beacon.Core.Children;
using Beacon.Core.RiskAssessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public const int UserIdMaxLength = 450;
    public const int ReasonMaxLength = Core.Common.TextLimits.FreeText;
    public const int ExplanationMaxLength = 2000;

    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("RiskAssessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.AuthorUserId).HasMaxLength(UserIdMaxLength);
        assessment.Property(a => a.JudgementReason).HasMaxLength(ReasonMaxLength);
        assessment.Property(a => a.JudgementByUserId).HasMaxLength(UserIdMaxLength);
        assessment.Property(a => a.LoweringApprovedByUserId).HasMaxLength(UserIdMaxLength);
        assessment.Property(a => a.SignedOffByUserId).HasMaxLength(UserIdMaxLength);
        assessment.Property(a => a.ScoreExplanation).HasMaxLength(ExplanationMaxLength);
        assessment.Property(a => a.WithdrawalReason).HasMaxLength(Core.Common.TextLimits.FreeText);
        assessment.Property(a => a.WithdrawalRequestedByUserId).HasMaxLength(UserIdMaxLength);
        assessment.Property(a => a.WithdrawnByUserId).HasMaxLength(UserIdMaxLength);

        assessment.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasIndex(a => new { a.ChildId, a.Status });
        assessment.HasIndex(a => new { a.Status, a.Level });
        // One draft per child at a time: a second person adds to the open draft instead of starting a rival one.
        // (Sign-off turns the draft into the current assessment, so this never conflicts with supersession.)
        assessment.HasIndex(a => a.ChildId).IsUnique().HasFilter($"\"Status\" = {(int)AssessmentStatus.Draft}")
            .HasDatabaseName("IX_RiskAssessments_ChildId_OneDraft");

        // Unticking leaves the row behind, detached from the assessment (Beacon never deletes records),
        // so the relationship is optional: removing an indicator clears its RiskAssessmentId.
        assessment.HasMany(a => a.Indicators).WithOne().HasForeignKey("RiskAssessmentId").IsRequired(false)
            .OnDelete(DeleteBehavior.ClientSetNull);
        assessment.Navigation(a => a.Indicators).HasField("_indicators").AutoInclude();
    }
}

internal sealed class TickedIndicatorConfiguration : IEntityTypeConfiguration<TickedIndicator>
{
    public const int EvidenceMaxLength = Core.Common.TextLimits.FreeText;

    public void Configure(EntityTypeBuilder<TickedIndicator> indicator)
    {
        indicator.ToTable("RiskAssessmentIndicators");
        indicator.HasKey(i => i.Id);
        indicator.Property(i => i.Id).ValueGeneratedNever();
        indicator.Property(i => i.Code).HasMaxLength(64);
        indicator.Property(i => i.Evidence).HasMaxLength(EvidenceMaxLength);
        indicator.Property(i => i.RecordedByUserId).HasMaxLength(RiskAssessmentConfiguration.UserIdMaxLength);
        indicator.HasIndex(i => i.ChildId);
    }
}
