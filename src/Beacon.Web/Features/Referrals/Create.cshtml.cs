using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>Raise a concern about a child who already has a record the person can see.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class CreateModel(ChildRecords records, BeaconDbContext db, TimeProvider clock) : PageModel, IConcernForm
{
    [FromRoute] public Guid ChildId { get; set; }
    [BindProperty] public ConcernInput Concern { get; set; } = new();
    /// <summary>A missing episode whose return home interview raised this concern: its findings start the account.</summary>
    [FromQuery(Name = "fromEpisode")] public Guid? FromEpisode { get; set; }
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(ChildId, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        if (FromEpisode is { } episodeId
            && await db.MissingEpisodes.AsNoTracking().Where(e => e.Id == episodeId && e.ChildId == ChildId && e.InterviewFindings != null)
                .Select(e => new { e.ReturnHomeInterviewDoneAtUtc, e.InterviewFindings }).SingleOrDefaultAsync(ct) is { } interview)
        {
            var when = Core.Timescales.UkTime.ToUkLocal(interview.ReturnHomeInterviewDoneAtUtc!.Value);
            Concern.WhatWasSeen = $"Return home interview on {when:d MMMM yyyy}: {interview.InterviewFindings}";
            Concern.SeenOn = Infrastructure.GovUk.DateInput.From(DateOnly.FromDateTime(when));
            Concern.SeenAt = when.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(ChildId, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        var actor = User.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = Concern.TryRaise(ModelState, nameof(Concern), child, actor, now);
        if (referral is null) return Page();
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = $"Your referral about {child.FullName} has been sent to Children's Social Care";
        return Redirect("/Referrals");
    }
}
