using Beacon.Core.Children;
using Beacon.Web.Features.Chronology;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Children;

/// <summary>
/// The child's record and whole chronology on one page laid out for paper (for a conference, a court bundle, a
/// panel): the details, every section, every event. Printing is audited as a view of the whole record.
/// </summary>
public sealed class PrintModel(ChildRecords records, ChildSummaries summaries, ChildRecordSections sections, ChronologyQuery chronology,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public ChildSummary? Summary { get; private set; }
    public IReadOnlyList<ChildRecordSection> Sections { get; private set; } = [];
    public IReadOnlyList<ChronologyEvent> Events { get; private set; } = [];
    public DateTime PrintedAtUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        Summary = await summaries.ForAsync(child!, ct);
        Sections = await sections.ForAsync(new ChildRecordContext(child!, User.ToActor(), MayEdit: false, PrintedAtUtc), ct);
        Events = await chronology.ForChildAsync(Id, new ChronologyFilter(), ct);
        await audit.RecordViewAsync(child!, "child's record and chronology, for printing", ct);
        return Page();
    }
}
