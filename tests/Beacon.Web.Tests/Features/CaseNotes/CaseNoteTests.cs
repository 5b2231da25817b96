using System.Data.Common;
using System.Net;
using System.Text;
using Beacon.Core.CaseNotes;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Missing.MissingSteps;

namespace Beacon.Web.Tests.Features.CaseNotes;

/// <summary>Case notes, visits and attached files through the pages: recorded, shown everywhere, never changed or lost.</summary>
public abstract class CaseNoteTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();
    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("%PDF-1.4\nA letter from the school about absences.\n%%EOF");

    private static Dictionary<string, string> VisitFields(string summary = "Home visit after return from missing", bool seenAlone = true)
    {
        var fields = When(Ago(TimeSpan.FromHours(2))).ToDictionary(f => f.Key.Replace("Input.", "Input.When."), f => f.Value);
        fields["Input.Kind"] = nameof(CaseNoteKind.Visit);
        fields["Input.Summary"] = summary;
        fields["Input.Detail"] = "Visited at home. She was tired and would not say where she had been.";
        fields["Input.ChildSeen"] = "True";
        fields["Input.SeenAlone"] = seenAlone ? "True" : "False";
        fields["Input.ChildsWords"] = "They give me lifts, they are my friends.";
        return fields;
    }

    private static Task<BeaconClient.PageResponse> AddAsync(BeaconClient client, string child, Dictionary<string, string> fields, (string, byte[])? file = null, string query = "") =>
        client.SubmitAsync($"{child}/Notes/Add{query}", "main form", fields, file is { } f ? new() { ["Upload"] = f } : null);

    private Task<T> DbAsync<T>(Func<BeaconDbContext, Task<T>> work) => Factory.WithScopeAsync(sp => work(sp.GetRequiredService<BeaconDbContext>()));

    [Fact]
    public async Task A_visit_with_a_letter_is_on_the_notes_the_chronology_and_the_record_and_the_letter_comes_back_unchanged()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Imelda", "Notewright");

        var saved = await AddAsync(worker, child, VisitFields(), ("school letter.pdf", Letter));
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        Assert.Equal($"{child}/Notes", saved.Location);

        var notes = await worker.GetAsync($"{child}/Notes");
        Assert.Contains("1 note", notes.Document.QuerySelector("#note-count")!.TextContent);
        var card = notes.Document.QuerySelector(".beacon-case-note")!.TextContent;
        Assert.Contains("Visit: Home visit after return from missing", card);
        Assert.Contains("Yes, alone", card);
        Assert.Contains("They give me lifts, they are my friends.", card);
        Assert.Contains("Northgate Council Children's Social Care", card);

        var noteId = await DbAsync(db => db.Set<CaseNote>().Where(n => n.Summary == "Home visit after return from missing" && n.Detail.Contains("tired"))
            .OrderByDescending(n => n.RecordedAtUtc).Select(n => n.Id).FirstAsync());
        var note = await worker.GetAsync($"{child}/Notes/{noteId}");
        Assert.True(note.Status == HttpStatusCode.OK, note.Text);
        var link = note.Document.QuerySelector("#attachments a")!.GetAttribute("href")!;
        using var download = await worker.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Letter, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(Attachment.HashOf(Letter), note.Document.QuerySelector("#attachments")!.TextContent);

        // The download and the view are audited against the child.
        var childId = Guid.Parse(child.Split('/')[^1]);
        var audited = await DbAsync(db => db.AuditEntries.Where(e => e.ChildId == childId).Select(e => e.Summary).ToListAsync());
        Assert.Contains("Downloaded school letter.pdf", audited);
        Assert.Contains("Viewed a case note", audited);

        // The chronology shows it as a visit, linked, with who recorded it and for which organisation.
        var chronology = await worker.GetAsync($"{child}/Chronology");
        var row = chronology.Document.QuerySelectorAll("#chronology tbody tr").Single(r => r.GetAttribute("data-type") == "Visit");
        Assert.NotNull(row.QuerySelector($"a[href='{child}/Notes/{noteId}']"));
        Assert.Contains("Child seen alone.", row.TextContent);
        Assert.Contains("Northgate Council Children's Social Care", row.TextContent);
        Assert.NotNull(chronology.Document.QuerySelector($"a[href='{child}/Notes/Add']"));

        // The record shows when the child was last seen alone.
        var record = await worker.GetAsync(child);
        Assert.Contains("seen alone", record.Document.QuerySelector("#last-visit")!.TextContent);
        Assert.Equal("1", record.Document.QuerySelector("#note-total")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_input_or_a_disguised_file_gets_a_message_beside_the_field_and_saves_nothing()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Perpetua", "Notewright");
        var before = await DbAsync(db => db.Set<CaseNote>().CountAsync());

        var noKind = VisitFields();
        noKind.Remove("Input.Kind");
        Assert.Equal("Select what you are recording", (await AddAsync(worker, child, noKind)).FieldError("Input-Kind"));

        var notSaid = VisitFields();
        notSaid["Input.ChildSeen"] = "";
        Assert.Equal("Say whether the child was seen", (await AddAsync(worker, child, notSaid)).FieldError("Input-ChildSeen"));

        var future = VisitFields();
        foreach (var (k, v) in When(DateTime.UtcNow.AddDays(1))) future[k.Replace("Input.", "Input.When.")] = v;
        Assert.Contains("cannot be in the future", (await AddAsync(worker, child, future)).FieldError("Input-When-Date"));

        var tooLong = VisitFields();
        tooLong["Input.Detail"] = new string('x', 4001);
        Assert.Equal("Must be 4000 characters or fewer", (await AddAsync(worker, child, tooLong)).FieldError("Input-Detail"));

        var program = await AddAsync(worker, child, VisitFields(), ("disguised.pdf", Encoding.ASCII.GetBytes("MZ\u0090 this is a program")));
        Assert.Equal(HttpStatusCode.OK, program.Status);
        Assert.Contains("must be a PDF", program.FieldError("Upload"));

        var big = new byte[Attachment.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await AddAsync(worker, child, VisitFields(), ("big.pdf", big));
        Assert.Equal(HttpStatusCode.OK, tooBig.Status);
        Assert.Contains("smaller than 10 MB", tooBig.FieldError("Upload"));
        Assert.Contains("She was tired", tooBig.Document.QuerySelector("#Input-Detail")!.TextContent); // what was typed is kept

        Assert.Equal(before, await DbAsync(db => db.Set<CaseNote>().CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Set<Attachment>().CountAsync(a => a.FileName == "disguised.pdf")));
    }

    [Fact]
    public async Task Only_the_author_corrects_a_note_once_and_both_versions_stay_on_the_record()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Cordelia", "Notewright");
        await AddAsync(worker, child, VisitFields("Visit to check on her"));
        var original = await DbAsync(db => db.Set<CaseNote>().Where(n => n.Summary == "Visit to check on her").Select(n => n.Id).SingleAsync());

        // A colleague may not rewrite someone else's account: they record their own note.
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var byManager = VisitFields("Visit to check on her");
        byManager["Input.CorrectionReason"] = "I think it was not alone";
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"{child}/Notes/Add?corrects={original}")).Status);
        // Posted by hand (the form of a plain new note, aimed at the correction): the domain refuses it.
        var form = await manager.GetAsync($"{child}/Notes/Add");
        var refused = await manager.SubmitAsync(form, "main form", byManager, $"{child}/Notes/Add?corrects={original}");
        Assert.Contains("Only the person who wrote a note can correct it. Record your own note instead.", refused.Errors);
        Assert.Null((await manager.GetAsync($"{child}/Notes/{original}")).Document.QuerySelector($"a[href$='corrects={original}']"));

        var correction = VisitFields("Visit to check on her", seenAlone: false);
        var noReason = await AddAsync(worker, child, correction, query: $"?corrects={original}");
        Assert.Equal("Say why the note is being corrected", noReason.FieldError("Input-CorrectionReason"));
        correction["Input.CorrectionReason"] = "Her aunt stayed in the room";
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(worker, child, correction, query: $"?corrects={original}")).Status);

        var old = await worker.GetAsync($"{child}/Notes/{original}");
        Assert.NotNull(old.Document.QuerySelector("#corrected"));
        Assert.Contains("Yes, alone", old.Document.QuerySelector(".beacon-case-note")!.TextContent);
        var notes = await worker.GetAsync($"{child}/Notes");
        Assert.Contains("2 notes", notes.Document.QuerySelector("#note-count")!.TextContent);
        Assert.Contains("Her aunt stayed in the room", notes.Text);

        // The original was corrected once; a second correction of it is refused (correct the correction instead).
        var again = await AddAsync(worker, child, correction, query: $"?corrects={original}");
        Assert.Contains("Someone has corrected this note already. Open the latest version and correct that instead.", again.Errors);
        Assert.Equal(2, await DbAsync(db => db.Set<CaseNote>().CountAsync(n => n.Summary == "Visit to check on her")));
    }

    [Fact]
    public async Task Notes_and_files_follow_the_childs_record_and_only_practitioners_record_them()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Hermione", "Notewright");
        await AddAsync(worker, child, VisitFields("A visit nobody else may read"), ("letter.pdf", Letter));
        var noteId = await DbAsync(db => db.Set<CaseNote>().Where(n => n.Summary == "A visit nobody else may read").Select(n => n.Id).SingleAsync());
        var attachmentId = await DbAsync(db => db.Set<Attachment>().Where(a => a.CaseNoteId == noteId).Select(a => a.Id).SingleAsync());

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        foreach (var url in new[] { $"{child}/Notes", $"{child}/Notes/Add", $"{child}/Notes/{noteId}", $"{child}/Notes/{noteId}?handler=File&attachmentId={attachmentId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(url)).Status);

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var notes = await auditor.GetAsync($"{child}/Notes");
        Assert.Equal(HttpStatusCode.OK, notes.Status);
        Assert.Null(notes.Document.QuerySelector($"a[href='{child}/Notes/Add']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"{child}/Notes/Add")).Status);

        // Another child's file cannot be reached through this child's address.
        var other = await CreateChildAsync(worker, "Ottilie", "Notewright");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{other}/Notes/{noteId}?handler=File&attachmentId={attachmentId}")).Status);
    }

    [Fact]
    public async Task Notes_and_files_cannot_be_changed_or_deleted_in_the_database_and_a_changed_file_is_never_served()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Winifred", "Notewright");
        await AddAsync(worker, child, VisitFields("Visit whose letter is tampered with"), ("letter.pdf", Letter));
        var noteId = await DbAsync(db => db.Set<CaseNote>().Where(n => n.Summary == "Visit whose letter is tampered with").Select(n => n.Id).SingleAsync());
        var attachmentId = await DbAsync(db => db.Set<Attachment>().Where(a => a.CaseNoteId == noteId).Select(a => a.Id).SingleAsync());

        foreach (var sql in new[]
                 {
                     $"""UPDATE "CaseNotes" SET "Detail" = 'rewritten' WHERE "Id" = '{Id(noteId)}'""",
                     $"""DELETE FROM "CaseNotes" WHERE "Id" = '{Id(noteId)}'""",
                     $"""DELETE FROM "Attachments" WHERE "Id" = '{Id(attachmentId)}'""",
                     $"""UPDATE "AttachmentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "AttachmentId" = '{Id(attachmentId)}'""",
                 })
            await Assert.ThrowsAnyAsync<DbException>(() => DbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        // Someone with the power to lift the guard changes the file: Beacon notices and refuses to serve it.
        await DbAsync(db => db.Database.ExecuteSqlRawAsync(Factory.Database.Provider == DatabaseProvider.Postgres
            ? $"""ALTER TABLE "AttachmentContents" DISABLE TRIGGER USER; UPDATE "AttachmentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "AttachmentId" = '{Id(attachmentId)}'; ALTER TABLE "AttachmentContents" ENABLE TRIGGER USER;"""
            : $"""DROP TRIGGER "AttachmentContents_no_update"; UPDATE "AttachmentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "AttachmentId" = '{Id(attachmentId)}'; CREATE TRIGGER "AttachmentContents_no_update" BEFORE UPDATE ON "AttachmentContents" BEGIN SELECT RAISE(ABORT, 'AttachmentContents records are never changed'); END;"""));
        using var download = await worker.Http.GetAsync($"{child}/Notes/{noteId}?handler=File&attachmentId={attachmentId}");
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.DoesNotContain("forged", await download.Content.ReadAsStringAsync());
    }

    private string Id(Guid id) => Factory.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();
    private string Bytes(string text) => Factory.Database.Provider == DatabaseProvider.Postgres
        ? $"'\\x{Convert.ToHexString(Encoding.ASCII.GetBytes(text))}'::bytea"
        : $"X'{Convert.ToHexString(Encoding.ASCII.GetBytes(text))}'";
}

public sealed class SqliteCaseNoteTests(SqliteBeacon beacon) : CaseNoteTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresCaseNoteTests(PostgresBeacon beacon) : CaseNoteTests(beacon), IClassFixture<PostgresBeacon>;
