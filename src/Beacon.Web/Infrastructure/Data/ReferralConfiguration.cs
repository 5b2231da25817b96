using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Infrastructure.Data;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public const int TextMaxLength = Core.Common.TextLimits.FreeText;

    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.HasKey(r => r.Id);
        referral.Property(r => r.Id).ValueGeneratedNever();
        referral.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        referral.Property(r => r.ReferrerUserId).HasMaxLength(450);
        referral.Property(r => r.DecidedByUserId).HasMaxLength(450);
        referral.Property(r => r.ApprovedByUserId).HasMaxLength(450);
        referral.Property(r => r.WhatWasSeen).HasMaxLength(TextMaxLength);
        referral.Property(r => r.SharingJustification).HasMaxLength(TextMaxLength);
        referral.Property(r => r.DecisionReason).HasMaxLength(TextMaxLength);
        referral.Property(r => r.ManagerReturnReason).HasMaxLength(TextMaxLength);
        referral.Ignore(r => r.Outcome);
        referral.Ignore(r => r.DecisionEffectiveAtUtc);
        referral.Ignore(r => r.ReceivedOn);
        // The front door queue (awaiting decision, oldest first), "my referrals", and a child's referrals.
        referral.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        // Found by the reference people quote.
        referral.Property(r => r.Reference).HasMaxLength(Core.Common.RecordReference.MaxLength);
        referral.HasIndex(r => r.Reference);
        // A referrer's own referrals, newest first (My referrals), read in index order a page at a time.
        referral.HasIndex(r => new { r.ReferrerUserId, r.ReceivedAtUtc });
        // Trigger events after a sign-off (reassessment) and a child's referrals in time order.
        referral.HasIndex(r => new { r.ChildId, r.ReceivedAtUtc });
        // The panel's list: the few recent referrals of suspected exploitation, without reading every referral.
        referral.HasIndex(r => new { r.ReceivedAtUtc, r.ChildId }).HasFilter("\"ExploitationSuspected\"").HasDatabaseName("IX_Referrals_ExploitationSuspected");
    }
}
