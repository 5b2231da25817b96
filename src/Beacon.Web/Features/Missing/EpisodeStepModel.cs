using Beacon.Core.Common;
using Beacon.Core.Missing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Missing;

/// <summary>
/// One step recorded on an existing episode (the return, the return home interview): the same access check,
/// input reading, stale-form check and refusal handling for both.
/// </summary>
public abstract class EpisodeStepModel(MissingEpisodeRecords missing, BeaconDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid EpisodeId { get; set; }
    [BindProperty] public MomentInput Input { get; set; } = new();
    /// <summary>What was found with the step: where the child was found, what the interview found.</summary>
    [BindProperty] public EpisodeDetails Details { get; set; } = new();
    /// <summary>The episode's version when the form was opened: a save based on an older one is refused.</summary>
    [BindProperty] public int Version { get; set; }
    public string ChildName { get; private set; } = "";
    public MissingEpisode? Episode { get; private set; }
    protected MissingEpisodeRecords Missing => missing;

    /// <summary>Words for the moment being recorded, e.g. "they returned".</summary>
    protected abstract string MomentLabel { get; }
    protected abstract bool AlreadyRecorded(MissingEpisode episode);
    protected abstract void Record(MissingEpisode episode, DateTime atUtc, string userId);
    protected abstract string Done { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, episode, refusal) = await missing.LoadAsync(Id, EpisodeId, User, MissingEpisodeOperations.Record, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        Episode = episode;
        Version = episode!.Version;
        if (AlreadyRecorded(episode)) ModelState.AddModelError("", "This has already been recorded for this episode.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, episode, refusal) = await missing.LoadAsync(Id, EpisodeId, User, MissingEpisodeOperations.Record, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        Episode = episode;
        if (!Input.TryRead(ModelState, nameof(Input), MomentLabel, missing.Now, out var at)) return Page();
        try
        {
            db.Entry(episode!).Property(e => e.Version).OriginalValue = Version;
            Record(episode!, at, User.ToActor().UserId);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = Done;
            return Redirect($"/Children/{Id}/Missing");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                null => "",
                nameof(MissingEpisode.WhereFound) => $"{nameof(Details)}.{nameof(EpisodeDetails.WhereFound)}",
                nameof(MissingEpisode.InterviewFindings) => $"{nameof(Details)}.{nameof(EpisodeDetails.Findings)}",
                nameof(MissingEpisode.InterviewRaisedConcern) => $"{nameof(Details)}.{nameof(EpisodeDetails.RaisesConcern)}",
                _ => $"{nameof(Input)}.Date",
            }, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this episode since you opened it, so nothing has been saved. Check the episode and try again.");
            db.ChangeTracker.Clear();
            Episode = await db.MissingEpisodes.AsNoTracking().SingleAsync(e => e.Id == EpisodeId, ct);
            Version = Episode.Version;
        }
        return Page();
    }
}

public sealed class EpisodeDetails
{
    public string? WhereFound { get; set; }
    public string? Findings { get; set; }
    public bool? RaisesConcern { get; set; }
}
