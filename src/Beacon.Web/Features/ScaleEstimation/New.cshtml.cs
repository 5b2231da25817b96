using Beacon.Core.Common;
using Beacon.Core.ScaleEstimation;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>An analyst chooses the lists and the period, and Beacon links them.</summary>
[Authorize]
public sealed class NewModel(ScaleEstimations estimations) : PageModel
{
    public sealed class RunInput
    {
        public List<string?> Sources { get; set; } = [];
        public DateInput From { get; set; } = new();
        public DateInput To { get; set; } = new();
    }

    [BindProperty] public RunInput Input { get; set; } = new();
    public IReadOnlyList<ListSource> Available { get; private set; } = [];

    public IEnumerable<SelectListItem> SourceItems() => Available.Select(s => new SelectListItem($"{s.Name}: {s.Description}", s.Key));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ScaleEstimationAccess.MayLink(actor)) return Forbid();
        Available = await estimations.SourcesAsync(actor, ct);
        Input.From = DateInput.From(estimations.Today.AddYears(-1).AddDays(1));
        Input.To = DateInput.From(estimations.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ScaleEstimationAccess.MayLink(actor)) return Forbid();
        Available = await estimations.SourcesAsync(actor, ct);
        ModelState.Clear();
        var from = Input.From.Read("first day of the period", ModelState, "Input.From");
        var to = Input.To.Read("last day of the period", ModelState, "Input.To");
        var chosen = Input.Sources.OfType<string>().Distinct().ToList();
        if (chosen.Any(c => Available.All(a => a.Key != c))) ModelState.AddModelError("Input.Sources", "Choose lists from those shown");
        else if (chosen.Count < 2) ModelState.AddModelError("Input.Sources", "Choose at least two lists: estimation works from the overlaps between lists");
        if (!ModelState.IsValid) return Page();
        try
        {
            var run = await estimations.StartAsync(actor, chosen, from, to, ct);
            TempData["Saved"] = "The lists are linked. Review the pairs Beacon is unsure of, then estimate.";
            return Redirect($"/ScaleEstimation/Runs/{run.Id}");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch { "PeriodFrom" => "Input.From", "PeriodTo" => "Input.To", _ => "Input.Sources" }, rule.Message);
            return Page();
        }
    }
}
