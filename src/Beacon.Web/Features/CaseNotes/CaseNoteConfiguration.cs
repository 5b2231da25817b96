using Beacon.Core.CaseNotes;
using Beacon.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.CaseNotes;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> note)
    {
        note.ToTable("CaseNotes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).ValueGeneratedNever();
        note.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Restrict);
        note.Property(n => n.Summary).HasMaxLength(CaseNote.SummaryMaxLength);
        note.Property(n => n.Detail).HasMaxLength(Core.Common.TextLimits.FreeText);
        note.Property(n => n.ChildsWords).HasMaxLength(CaseNote.ChildsWordsMaxLength);
        note.Property(n => n.CorrectionReason).HasMaxLength(CaseNote.SummaryMaxLength);
        note.Property(n => n.RecordedByUserId).HasMaxLength(450);
        // A child's notes newest first (the notes page, the chronology, the record's section).
        note.HasIndex(n => new { n.ChildId, n.OccurredAtUtc });
        // A note is corrected once; the correction is corrected next. Two people correcting at once: the second is refused.
        note.HasIndex(n => n.CorrectsNoteId).IsUnique();
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.ToTable("Attachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasOne<CaseNote>().WithMany().HasForeignKey(a => a.CaseNoteId).OnDelete(DeleteBehavior.Restrict);
        attachment.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        attachment.Property(a => a.UploadedByUserId).HasMaxLength(450);
        attachment.HasIndex(a => new { a.ChildId, a.UploadedAtUtc });
        attachment.HasIndex(a => a.CaseNoteId);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> content)
    {
        content.ToTable("AttachmentContents");
        content.HasKey(c => c.AttachmentId);
        content.Property(c => c.AttachmentId).ValueGeneratedNever();
        content.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
