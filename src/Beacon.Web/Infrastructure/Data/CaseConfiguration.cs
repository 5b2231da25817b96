using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.HasKey(c => c.Id);
        @case.Property(c => c.Id).ValueGeneratedNever();
        @case.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        foreach (var userId in new[] { nameof(Case.OpenedByUserId), nameof(Case.AllocatedWorkerUserId), nameof(Case.ClosureRequestedByUserId),
                     nameof(Case.PanelChairAgreedByUserId), nameof(Case.ClosureApprovedByUserId) })
            @case.Property(userId).HasMaxLength(450);
        @case.Property(c => c.ClosureReason).HasMaxLength(ReferralConfiguration.TextMaxLength);
        @case.Property(c => c.CoreGroup).HasMaxLength(Case.CoreGroupMaxLength);
        @case.Property(c => c.PlanOutcomes).HasMaxLength(Core.Common.TextLimits.FreeText);
        @case.Ignore(c => c.IsClosed);
        @case.Ignore(c => c.IsClosureRequested);
        @case.Ignore(c => c.LastStrategyDiscussion);
        @case.Ignore(c => c.NextStages);

        // One open case per child: the pages check first, and the database refuses a second all the same.
        // The filter names the stored number of CaseStage.Closed; quoted identifiers suit SQLite and PostgreSQL alike.
        @case.HasIndex(c => c.ChildId).IsUnique().HasFilter($"\"Stage\" <> {(int)CaseStage.Closed}").HasDatabaseName("IX_Cases_ChildId_Open");
        @case.HasIndex(c => new { c.AllocatedWorkerUserId, c.Stage });
        // A child's cases, open or closed (chronology, the child's page): the filtered index above covers open ones only.
        @case.HasIndex(c => c.ChildId, "IX_Cases_ChildId");
        @case.HasIndex(c => c.ReferralId);
        // Found by the reference people quote.
        @case.Property(c => c.Reference).HasMaxLength(Core.Common.RecordReference.MaxLength);
        @case.HasIndex(c => c.Reference);

        @case.HasMany(c => c.StrategyDiscussions).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Restrict);
        @case.HasMany(c => c.ReviewConferences).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Restrict);
        @case.HasMany(c => c.StageHistory).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Restrict);
        @case.Navigation(c => c.StrategyDiscussions).HasField("_strategyDiscussions");
        @case.Navigation(c => c.ReviewConferences).HasField("_reviewConferences");
        @case.Navigation(c => c.StageHistory).HasField("_stageHistory");
    }
}

internal sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> discussion)
    {
        discussion.ToTable("StrategyDiscussions");
        discussion.HasKey(s => s.Id);
        discussion.Property(s => s.Id).ValueGeneratedNever();
        discussion.Property(s => s.RecordedByUserId).HasMaxLength(450);
        discussion.Property(s => s.Decisions).HasMaxLength(Core.Common.TextLimits.FreeText);
        discussion.OwnsMany(s => s.Attendees, attendee =>
        {
            attendee.ToTable("StrategyDiscussionAttendees");
            attendee.WithOwner().HasForeignKey("StrategyDiscussionId");
            attendee.Property<int>("Id");
            attendee.HasKey("Id");
            attendee.Property(a => a.Name).HasMaxLength(Child.TextMaxLength);
            attendee.Property(a => a.UserId).HasMaxLength(450);
        });
        discussion.Navigation(s => s.Attendees).HasField("_attendees");
    }
}

internal sealed class ReviewConferenceConfiguration : IEntityTypeConfiguration<ReviewConference>
{
    public void Configure(EntityTypeBuilder<ReviewConference> review)
    {
        review.ToTable("ReviewConferences");
        review.HasKey(r => r.Id);
        review.Property(r => r.Id).ValueGeneratedNever();
        review.Property(r => r.RecordedByUserId).HasMaxLength(450);
    }
}

internal sealed class CaseStageChangeConfiguration : IEntityTypeConfiguration<CaseStageChange>
{
    public void Configure(EntityTypeBuilder<CaseStageChange> change)
    {
        change.ToTable("CaseStageChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.Reason).HasMaxLength(Core.Common.TextLimits.FreeText);
    }
}
