using Beacon.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.Title).HasMaxLength(Report.TitleMaxLength);
        report.Property(r => r.Authors).HasMaxLength(Report.NameMaxLength);
        report.Property(r => r.CommissionedBy).HasMaxLength(Report.NameMaxLength);
        report.Property(r => r.Summary).HasMaxLength(Core.Common.TextLimits.FreeText);
        report.Property(r => r.ChallengeReason).HasMaxLength(Core.Common.TextLimits.FreeText);
        report.Property(r => r.RecordedByUserId).HasMaxLength(450);
        report.Property(r => r.ChallengedByUserId).HasMaxLength(450);
        report.Ignore(r => r.IsChallenged);
        report.HasOne<Core.Organisations.Organisation>().WithMany().HasForeignKey(r => r.BoardOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The register, newest first, per board.
        report.HasIndex(r => new { r.BoardOrganisationId, r.PublishedOn });
    }
}

internal sealed class ReportDocumentConfiguration : IEntityTypeConfiguration<ReportDocument>
{
    public void Configure(EntityTypeBuilder<ReportDocument> document)
    {
        document.ToTable("ReportDocuments");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.FileName).HasMaxLength(Core.Common.CheckedFile.FileNameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.UploadedByUserId).HasMaxLength(450);
        // Versions numbered once each: two uploads at the same moment cannot both be version 2.
        document.HasIndex(d => new { d.ReportId, d.VersionNumber }).IsUnique();
    }
}

internal sealed class ReportDocumentContentConfiguration : IEntityTypeConfiguration<ReportDocumentContent>
{
    public void Configure(EntityTypeBuilder<ReportDocumentContent> content)
    {
        content.ToTable("ReportDocumentContents");
        content.HasKey(c => c.DocumentId);
        content.HasOne<ReportDocument>().WithOne().HasForeignKey<ReportDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> recipient)
    {
        recipient.ToTable("ReportRecipients");
        recipient.HasKey(r => r.Id);
        recipient.Property(r => r.Id).ValueGeneratedNever();
        recipient.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        recipient.Property(r => r.UserId).HasMaxLength(450);
        recipient.Property(r => r.SentByUserId).HasMaxLength(450);
        recipient.Property(r => r.Comment).HasMaxLength(ReportRecipient.CommentMaxLength);
        // Sent to each person once; a person's reports still to acknowledge (their work list).
        recipient.HasIndex(r => new { r.ReportId, r.UserId }).IsUnique();
        recipient.HasIndex(r => new { r.UserId, r.AcknowledgedAtUtc });
        recipient.HasIndex(r => new { r.AcknowledgedAtUtc, r.SentAtUtc });
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> recommendation)
    {
        recommendation.ToTable("Recommendations");
        recommendation.HasKey(r => r.Id);
        recommendation.Property(r => r.Id).ValueGeneratedNever();
        recommendation.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        recommendation.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        recommendation.Property(r => r.Evidence).HasMaxLength(Core.Common.TextLimits.FreeText);
        foreach (var userId in new[] { nameof(Recommendation.OwnerUserId), nameof(Recommendation.CompletedByUserId), nameof(Recommendation.AcceptedByUserId), nameof(Recommendation.AddedByUserId) })
            recommendation.Property(userId).HasMaxLength(450);
        recommendation.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
        // The action plan by target date; an owner's open recommendations (their work list).
        recommendation.HasIndex(r => new { r.Status, r.TargetOn });
        recommendation.HasIndex(r => new { r.OwnerUserId, r.Status, r.TargetOn });
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> document)
    {
        document.ToTable("EvidenceDocuments");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.HasOne<Recommendation>().WithMany().HasForeignKey(d => d.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.FileName).HasMaxLength(Core.Common.CheckedFile.FileNameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.UploadedByUserId).HasMaxLength(450);
        document.HasIndex(d => d.RecommendationId);
    }
}

internal sealed class EvidenceDocumentContentConfiguration : IEntityTypeConfiguration<EvidenceDocumentContent>
{
    public void Configure(EntityTypeBuilder<EvidenceDocumentContent> content)
    {
        content.ToTable("EvidenceDocumentContents");
        content.HasKey(c => c.DocumentId);
        content.HasOne<EvidenceDocument>().WithOne().HasForeignKey<EvidenceDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
