using System.Security.Claims;
using Beacon.Core.Access;
using Beacon.Core.CaseNotes;
using Beacon.Core.Children;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.CaseNotes;

/// <summary>A note as lists show it: who wrote it, for which organisation, whether it has been corrected, and its files.</summary>
public sealed record CaseNoteRow(
    Guid Id, CaseNoteKind Kind, DateTime OccurredAtUtc, string Summary, string Detail, bool? ChildSeen, bool? SeenAlone, string? ChildsWords,
    string RecordedByUserId, string RecordedBy, string Organisation, DateTime RecordedAtUtc,
    Guid? CorrectsNoteId, string? CorrectionReason, Guid? CorrectedById, int Attachments);

/// <summary>Loads a child's notes with the access check for the operation: unknown or hidden children are "not found".</summary>
public sealed class CaseNoteRecords(BeaconDbContext db, ChildRecords children, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<(Child? Child, IActionResult? Refusal)> LoadChildAsync(Guid childId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct) =>
        children.LoadForAsync<CaseNote>(childId, user, operation, ct);

    public Task<bool> MayAsync(ClaimsPrincipal user, Child child, OperationAuthorizationRequirement operation) =>
        children.MayAsync<CaseNote>(user, child, null, operation);

    /// <summary>The child's notes (or one of them), newest first, as one query the database orders, pages and counts.</summary>
    public IQueryable<CaseNoteRow> Rows(Guid childId, Guid? noteId = null) =>
        from n in db.Set<CaseNote>().AsNoTracking()
        where n.ChildId == childId && (noteId == null || n.Id == noteId)
        join p in db.People() on n.RecordedByUserId equals p.Id into authors
        from p in authors.DefaultIfEmpty()
        orderby n.OccurredAtUtc descending, n.RecordedAtUtc descending
        select new CaseNoteRow(n.Id, n.Kind, n.OccurredAtUtc, n.Summary, n.Detail, n.ChildSeen, n.SeenAlone, n.ChildsWords,
            n.RecordedByUserId, p == null ? n.RecordedByUserId : p.DisplayName, p == null ? "" : p.OrganisationName, n.RecordedAtUtc,
            n.CorrectsNoteId, n.CorrectionReason,
            db.Set<CaseNote>().Where(c => c.CorrectsNoteId == n.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
            db.Set<Attachment>().Count(a => a.CaseNoteId == n.Id));

    public Task<List<Attachment>> AttachmentsAsync(Guid childId, Guid noteId, CancellationToken ct) =>
        db.Set<Attachment>().AsNoTracking().Where(a => a.ChildId == childId && a.CaseNoteId == noteId).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
}
