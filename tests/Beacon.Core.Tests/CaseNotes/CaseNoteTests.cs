using System.Text;
using Beacon.Core.Access;
using Beacon.Core.CaseNotes;
using Beacon.Core.Common;
using Beacon.Core.Tests.Access;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.CaseNotes;

public class CaseNoteTests
{
    private static readonly Actor Worker = Person(NorthSocialCare, BeaconRoles.SocialWorker, "worker");
    private static readonly Actor Colleague = Person(NorthSocialCare, BeaconRoles.SocialWorker, "colleague");
    private static readonly DateTime Earlier = Now.AddHours(-3);

    private static CaseNote Visit(Children.Child child, bool? seen = true, bool? alone = true, string? words = "I don't want to go back there") =>
        CaseNote.Record(child, Worker, CaseNoteKind.Visit, Earlier, "Home visit", "Visited at home after her return.", seen, alone, words, Now);

    [Fact]
    public void A_visit_records_whether_the_child_was_seen_alone_and_in_their_own_words_and_involves_the_authors_organisation()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var note = Visit(child);
        Assert.Equal((true, true), (note.ChildSeen, note.SeenAlone));
        Assert.Equal("I don't want to go back there", note.ChildsWords);
        Assert.Equal((NorthSocialCare.Id, Agency.ChildrensSocialCare), (note.RecordedByOrganisationId, note.RecordedByAgency));
        Assert.Contains(child.CurrentInvolvements, i => i.OrganisationId == NorthSocialCare.Id);
    }

    [Fact]
    public void A_visit_must_say_whether_the_child_was_seen_and_if_so_whether_alone()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        Assert.Equal("ChildSeen", Assert.Throws<DomainRuleViolation>(() => Visit(child, seen: null)).Field);
        Assert.Equal("SeenAlone", Assert.Throws<DomainRuleViolation>(() => Visit(child, seen: true, alone: null)).Field);
        Assert.Null(Visit(child, seen: false, alone: true).SeenAlone);
    }

    [Fact]
    public void Only_a_visit_records_sight_of_the_child()
    {
        var call = CaseNote.Record(ChildIn(Situation.NorthPupilOfSchoolA), Worker, CaseNoteKind.PhoneCall, Earlier, "Call with mother", "She says all is well.", true, true, null, Now);
        Assert.Null(call.ChildSeen);
        Assert.Null(call.SeenAlone);
    }

    [Fact]
    public void A_note_in_the_future_or_before_the_child_was_born_is_refused()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        Assert.Contains("future", Assert.Throws<DomainRuleViolation>(() =>
            CaseNote.Record(child, Worker, CaseNoteKind.Note, Now.AddMinutes(5), "s", "d", null, null, null, Now)).Message);
        Assert.Contains("before the child was born", Assert.Throws<DomainRuleViolation>(() =>
            CaseNote.Record(child, Worker, CaseNoteKind.Note, new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc), "s", "d", null, null, null, Now)).Message);
    }

    [Theory]
    [InlineData("Summary", 201)]
    [InlineData("Detail", 4001)]
    [InlineData("ChildsWords", 2001)]
    public void Every_text_has_a_limit_kept_by_the_domain(string field, int length)
    {
        var text = new string('x', length);
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var refused = Assert.Throws<DomainRuleViolation>(() => CaseNote.Record(child, Worker, CaseNoteKind.Visit, Earlier,
            field == "Summary" ? text : "s", field == "Detail" ? text : "d", true, false, field == "ChildsWords" ? text : null, Now));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Blank_summary_or_detail_is_refused() =>
        Assert.Equal("Detail", Assert.Throws<DomainRuleViolation>(() =>
            CaseNote.Record(ChildIn(Situation.NorthPupilOfSchoolA), Worker, CaseNoteKind.Note, Earlier, "Summary", "  ", null, null, null, Now)).Field);

    [Fact]
    public void Only_the_author_corrects_a_note_with_a_reason_and_the_correction_names_the_note()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var note = Visit(child);
        Assert.Throws<DomainRuleViolation>(() => note.CorrectedBy(child, Colleague, "Wrong day", CaseNoteKind.Visit, Earlier, "s", "d", true, true, null, Now));
        Assert.Equal("CorrectionReason", Assert.Throws<DomainRuleViolation>(() =>
            note.CorrectedBy(child, Worker, " ", CaseNoteKind.Visit, Earlier, "s", "d", true, true, null, Now)).Field);

        var correction = note.CorrectedBy(child, Worker, "She was not seen alone: her aunt stayed", CaseNoteKind.Visit, Earlier, "Home visit", "Visited at home.", true, false, null, Now);
        Assert.Equal(note.Id, correction.CorrectsNoteId);
        Assert.NotEqual(note.Id, correction.Id);
        Assert.False(correction.SeenAlone);
        Assert.True(note.SeenAlone); // the original is untouched
    }

    [Fact]
    public void A_correction_is_about_the_same_child() =>
        Assert.Throws<DomainRuleViolation>(() => Visit(ChildIn(Situation.NorthPupilOfSchoolA))
            .CorrectedBy(ChildIn(Situation.NorthPupilOfSchoolB), Worker, "why", CaseNoteKind.Visit, Earlier, "s", "d", true, true, null, Now));
}

public class AttachmentTests
{
    private static readonly Actor Worker = Person(NorthSocialCare, BeaconRoles.SocialWorker, "worker");
    private static readonly Guid ChildId = Guid.NewGuid();

    private static Attachment Accept(string name, byte[] content) => Attachment.Accept(ChildId, null, Worker, name, content, Now);

    [Theory]
    [InlineData("letter.pdf", "%PDF-1.7 rest\n%%EOF\n", "application/pdf")]
    [InlineData("photo.PNG", "\u0089PNG\r\n\u001a\n....", "image/png")]
    [InlineData("notes.txt", "Seen at 4pm.\r\nAll well.", "text/plain")]
    public void Files_are_recognised_by_their_content(string name, string content, string type) =>
        Assert.Equal(type, Accept(name, Encoding.Latin1.GetBytes(content)).ContentType);

    [Fact]
    public void A_jpeg_and_a_word_document_are_accepted()
    {
        Assert.Equal("image/jpeg", Accept("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]).ContentType);
        Assert.Equal(AttachmentType.WordDocument.ContentType, Accept("a.docx", Docx()).ContentType);
    }

    /// <summary>The smallest zip Beacon takes for a Word document: its content types and a body.</summary>
    public static byte[] Docx(bool withBody = true)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(withBody ? "word/document.xml" : "index.html");
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_pdf_header_or_a_zip_alone_is_not_enough()
    {
        Assert.Contains("must be a PDF", Assert.Throws<DomainRuleViolation>(() => Accept("a.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 <html><script>alert(1)</script>"))).Message);
        Assert.Contains("must be a PDF", Assert.Throws<DomainRuleViolation>(() => Accept("minutes.docx", Docx(withBody: false))).Message);
        Assert.Contains("must be a PDF", Assert.Throws<DomainRuleViolation>(() => Accept("minutes.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2])).Message);
    }

    [Theory]
    [InlineData("report.pdf", "MZ\u0090\u0000 program")]      // a program renamed
    [InlineData("page.txt", "<html>\u0000</html>")]            // binary in a text file
    [InlineData("archive.zip", "PK\u0003\u0004")]              // a zip that is not a Word document
    [InlineData("page.html", "<script>alert(1)</script>")]
    public void Anything_else_is_refused_whatever_its_name(string name, string content) =>
        Assert.Contains("must be a PDF", Assert.Throws<DomainRuleViolation>(() => Accept(name, Encoding.Latin1.GetBytes(content))).Message);

    [Theory]
    [InlineData("report.html", "report.pdf")]
    [InlineData("x.pdf.exe", "x.pdf.pdf")]
    [InlineData("scan.PDF", "scan.PDF")]
    public void A_files_name_ends_as_what_it_is(string uploaded, string kept) =>
        Assert.Equal(kept, Accept(uploaded, Encoding.ASCII.GetBytes("%PDF-1.4 a statement\n%%EOF")).FileName);

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Assert.Contains("empty", Assert.Throws<DomainRuleViolation>(() => Accept("a.pdf", [])).Message);
        var big = new byte[Attachment.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Contains("smaller than 10 MB", Assert.Throws<DomainRuleViolation>(() => Accept("a.pdf", big)).Message);
    }

    [Fact]
    public void The_name_loses_any_folder_path_and_the_hash_detects_any_change()
    {
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 statement\n%%EOF");
        var attachment = Accept(@"C:\Users\someone\..\statement.pdf", content);
        Assert.Equal("statement.pdf", attachment.FileName);
        Assert.Equal(64, attachment.Sha256.Length);
        Assert.True(attachment.IsIntact(content));
        content[^1] ^= 1;
        Assert.False(attachment.IsIntact(content));
    }
}
