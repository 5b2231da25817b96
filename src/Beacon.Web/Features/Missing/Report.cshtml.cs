using Beacon.Core.Common;
using Beacon.Core.Missing;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Missing;

/// <summary>
/// Report a child missing. Police, social care, outreach and the other agencies report directly; carers and
/// parents report through the practitioner who took the call, whose name is recorded.
/// </summary>
public sealed class ReportModel(ChildRecords records, MissingEpisodeRecords missing, BeaconDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public MomentInput Input { get; set; } = new();
    [BindProperty] public ReportDetails Details { get; set; } = new();

    public sealed class ReportDetails
    {
        public string? WhoReported { get; set; }
        public string? PoliceReference { get; set; }
        public MissingRiskGrading? PoliceRiskGrading { get; set; }
    }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> GradingItems() =>
        Enum.GetValues<MissingRiskGrading>().Select(g => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(g.Name(), g.ToString()));
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        if (!await missing.MayAsync(User, child!, null, MissingEpisodeOperations.Record)) return Forbid();
        ChildName = child!.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        if (!await missing.MayAsync(User, child!, null, MissingEpisodeOperations.Record)) return Forbid();
        ChildName = child!.FullName;
        if (!Input.TryRead(ModelState, nameof(Input), "they were reported missing", missing.Now, out var reportedAt)) return Page();

        // A child cannot go missing twice at once: the open episode must be closed by recording the return.
        var open = await db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == Id && e.ReturnedAtUtc == null)
            .OrderByDescending(e => e.ReportedMissingAtUtc).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            ModelState.AddModelError("", $"{ChildName} is already recorded as missing since {UkDisplay.When(open.ReportedMissingAtUtc)}. Record their return before reporting a new episode.");
            return Page();
        }

        try
        {
            var wasRepeatedlyMissing = missing.Picture(await missing.ForChildAsync(Id, ct)).IsRepeatedlyMissing;
            var episode = MissingEpisode.Report(child, reportedAt, User.ToActor(), missing.Now);
            episode.RecordReportDetails(Details.WhoReported, Details.PoliceReference, Details.PoliceRiskGrading);
            db.MissingEpisodes.Add(episode);
            await db.SaveChangesAsync(ct);
            var picture = missing.Picture(await missing.ForChildAsync(Id, ct));
            TempData["Saved"] = picture.IsRepeatedlyMissing && !wasRepeatedlyMissing
                ? $"{ChildName} reported missing. They are now flagged as repeatedly missing: {RepeatedlyMissing.EpisodeThreshold} or more episodes within {RepeatedlyMissing.Window.Days} days."
                : $"{ChildName} reported missing";
            return Redirect($"/Children/{Id}/Missing");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                null => "",
                nameof(MissingEpisode.WhoReported) or nameof(MissingEpisode.PoliceReference) or nameof(MissingEpisode.PoliceRiskGrading) => $"{nameof(Details)}.{rule.Field}",
                _ => $"{nameof(Input)}.Date",
            }, rule.Message);
            return Page();
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Someone reported the same absence at the same moment (or the form was sent twice): theirs stands.
            ModelState.AddModelError("", $"{ChildName} has just been reported missing by someone else, or this form was sent twice. Nothing more has been saved.");
            return Page();
        }
    }
}
