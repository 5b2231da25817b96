using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
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
    /// <summary>Set by "Send referral" on the check-your-answers page: nothing is sent before the person has seen it all.</summary>
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>"Change your answers": back to the form with everything as it was typed.</summary>
    [BindProperty] public bool Change { get; set; }
    /// <summary>The referral's id, chosen when the answers are first checked, so the same answers sent twice make one referral.</summary>
    [BindProperty] public Guid? SubmissionId { get; set; }
    public CheckAnswers? Answers { get; private set; }

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
        if (Change) return Page();
        var actor = User.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = Concern.TryRaise(ModelState, nameof(Concern), child, actor, now, referralId: SubmissionId);
        if (referral is null) return Page();
        if (!Confirmed || SubmissionId is null)
        {
            // Checked, not sent: the answers go back for the person to confirm.
            SubmissionId ??= Guid.NewGuid();
            Answers = new CheckAnswers([("Child", $"{child.FullName}, born {CheckAnswers.Date(child.DateOfBirth)}"), .. Concern.Answers()], SubmissionId.Value,
                "When you send it, Children's Social Care's front door receives the referral and must decide on it within one working day.", "Send referral");
            return Page();
        }
        db.Referrals.Add(referral);
        TempData["Saved"] = await ConcernInput.SaveOnceAsync(db, referral, ct)
            ? $"Your referral about {child.FullName} has been sent to Children's Social Care. Its reference is {referral.Reference}"
            : "This referral was sent already: it was not sent again";
        return Redirect("/Referrals");
    }
}
