using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Missing;

/// <summary>
/// The missing-episode warnings (at the top) and the missing episodes section of the child's record page. The page that renders it has already
/// checked that the person may see the child.
/// </summary>
public sealed class MissingSummaryViewComponent(MissingEpisodeRecords missing) : ViewComponent
{
    public sealed record Summary(Guid ChildId, bool MayEdit, bool AlertsOnly, MissingPicture Picture);

    public async Task<IViewComponentResult> InvokeAsync(Guid childId, bool mayEdit, bool alertsOnly)
    {
        // The record page shows the alerts at the top and the section further down: one query serves both.
        var key = (typeof(MissingPicture), childId);
        if (HttpContext.Items[key] is not MissingPicture picture)
            HttpContext.Items[key] = picture = missing.Picture(await missing.ForChildAsync(childId, HttpContext.RequestAborted));
        return View("~/Features/Missing/_MissingSummary.cshtml", new Summary(childId, mayEdit, alertsOnly, picture));
    }
}
