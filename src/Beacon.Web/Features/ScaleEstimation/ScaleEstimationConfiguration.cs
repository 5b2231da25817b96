using Beacon.Core.ScaleEstimation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.ScaleEstimation;

internal sealed class ImportedListConfiguration : IEntityTypeConfiguration<ImportedList>
{
    public void Configure(EntityTypeBuilder<ImportedList> list)
    {
        list.ToTable("ImportedLists");
        list.HasKey(l => l.Id);
        list.Property(l => l.Id).ValueGeneratedNever();
        list.Property(l => l.Name).HasMaxLength(ImportedList.NameMaxLength);
        list.Property(l => l.HeldBy).HasMaxLength(ImportedList.NameMaxLength);
        list.Property(l => l.FileName).HasMaxLength(Core.Common.CheckedFile.FileNameMaxLength);
        list.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength();
        list.Property(l => l.ImportedByUserId).HasMaxLength(450);
        list.HasOne<Core.Organisations.Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // An organisation's lists, newest first.
        list.HasIndex(l => new { l.OrganisationId, l.ImportedAtUtc });
    }
}

internal sealed class ImportedListEntryConfiguration : IEntityTypeConfiguration<ImportedListEntry>
{
    public void Configure(EntityTypeBuilder<ImportedListEntry> entry)
    {
        entry.ToTable("ImportedListEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.HasOne<ImportedList>().WithMany().HasForeignKey(e => e.ImportedListId).OnDelete(DeleteBehavior.Restrict);
        entry.Property(e => e.AgencyRecordId).HasMaxLength(ImportedListEntry.FieldMaxLength);
        entry.Property(e => e.GivenName).HasMaxLength(ImportedListEntry.FieldMaxLength);
        entry.Property(e => e.Surname).HasMaxLength(ImportedListEntry.FieldMaxLength);
        entry.Property(e => e.Aliases).HasMaxLength(ImportedListEntry.AliasesMaxLength);
        entry.Property(e => e.Sex).HasMaxLength(20);
        entry.Property(e => e.Postcode).HasMaxLength(10);
        entry.Property(e => e.NhsNumber).HasMaxLength(14);
        // Each agency id once per list.
        entry.HasIndex(e => new { e.ImportedListId, e.AgencyRecordId }).IsUnique();
    }
}

internal sealed class EstimationRunConfiguration : IEntityTypeConfiguration<EstimationRun>
{
    public void Configure(EntityTypeBuilder<EstimationRun> run)
    {
        run.ToTable("EstimationRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.StartedByUserId).HasMaxLength(450);
        run.Property(r => r.EstimatedByUserId).HasMaxLength(450);
        run.Property(r => r.Refusal).HasMaxLength(1000);
        run.Ignore(r => r.IsEstimated);
        run.HasOne<Core.Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        run.HasIndex(r => new { r.OrganisationId, r.StartedAtUtc });
        run.HasIndex(r => r.StartedAtUtc);
    }
}

internal sealed class LinkDecisionConfiguration : IEntityTypeConfiguration<LinkDecision>
{
    public void Configure(EntityTypeBuilder<LinkDecision> decision)
    {
        decision.ToTable("LinkDecisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Id).ValueGeneratedNever();
        decision.Property(d => d.LeftKey).HasMaxLength(LinkDecision.KeyMaxLength);
        decision.Property(d => d.RightKey).HasMaxLength(LinkDecision.KeyMaxLength);
        decision.Property(d => d.Reason).HasMaxLength(LinkDecision.ReasonMaxLength);
        decision.Property(d => d.DecidedByUserId).HasMaxLength(450);
        decision.HasOne<EstimationRun>().WithMany().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => new { d.LeftKey, d.RightKey, d.DecidedAtUtc });
    }
}
