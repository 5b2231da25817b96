using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Missing;

/// <summary>A child's missing episodes, with each return home interview against its 72-hour clock.</summary>
public sealed class IndexModel(ChildRecords records, MissingEpisodeRecords missing, BeaconDbContext db, AuditTrail audit) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public string ChildName { get; private set; } = "";
    public MissingPicture Picture { get; private set; } = default!;
    public bool MayEdit { get; private set; }
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        MayEdit = await missing.MayAsync(User, child, null, MissingEpisodeOperations.Record);
        var episodes = await missing.ForChildAsync(Id, ct);
        Picture = missing.Picture(episodes);
        var ids = episodes.SelectMany(e => new[] { e.ReportedByUserId, e.ReturnRecordedByUserId, e.ReturnHomeInterviewByUserId })
            .OfType<string>().Distinct().ToList();
        People = await db.People().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.OrganisationName})", ct);
        await audit.RecordViewAsync(child, "missing episodes", ct);
        return Page();
    }

    public string Person(string? userId) => userId is null ? "" : People.TryGetValue(userId, out var name) ? name : userId;
}
