using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Panel;

/// <summary>The multi-agency exploitation panel's list: every child it must see, most serious first.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class IndexModel(PanelLists lists) : PageModel
{
    [FromQuery(Name = Pagination.DefaultParameter)] public int PageNumber { get; set; } = 1;
    public Paged<PanelRow> Rows { get; private set; } = new([], 1, 1, 0);
    public bool IsChair { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        IsChair = Core.Access.Capabilities.IsPanelChair(actor);
        Rows = await lists.PageAsync(actor, PageNumber, ct);
    }
}
