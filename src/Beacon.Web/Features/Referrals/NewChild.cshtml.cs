using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Beacon.Web.Infrastructure.GovUk;

namespace Beacon.Web.Features.Referrals;

/// <summary>
/// Raise a concern about a child with no record yet. Before the record is made, likely duplicates are
/// shown and the person must say none of them is the child.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class NewChildModel(BeaconDbContext db, ChildOrganisations organisations, LikelyDuplicates duplicates, TimeProvider clock)
    : ChildFormModel(db, organisations, clock), IConcernForm
{
    [BindProperty] public string? Alias { get; set; }
    [BindProperty] public ConcernInput Concern { get; set; } = new();
    /// <summary>Ticked once the person has seen the possible matches and says none is the child.</summary>
    [BindProperty] public bool NoneOfTheseIsTheChild { get; set; }
    public LikelyDuplicates.Result? Matches { get; private set; }
    /// <summary>Set by "Send referral" on the check-your-answers page: nothing is sent before the person has seen it all.</summary>
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>"Change your answers": back to the form with everything as it was typed.</summary>
    [BindProperty] public bool Change { get; set; }
    /// <summary>
    /// The referral's id, chosen when the answers are first checked: sending the same answers twice (back and resubmit,
    /// or two clicks at once) is refused by the database as the same referral, so no second child is made.
    /// </summary>
    [BindProperty] public Guid? SubmissionId { get; set; }
    /// <summary>The answers, checked, shown for the person to confirm before anything is sent.</summary>
    public CheckAnswers? Answers { get; private set; }

    /// <summary>The names and date of birth typed at the Find step carry into the form, so nothing is typed twice.</summary>
    public async Task OnGetAsync(string? firstName, string? lastName, string? day, string? month, string? year, CancellationToken ct)
    {
        Input.FirstName = firstName;
        Input.LastName = lastName;
        Input.DateOfBirth = new() { Day = day, Month = month, Year = year };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Change)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var details = Input.ToDetails(ModelState, nameof(Input), Today);
        await CheckReferencesAsync(ct);
        var actor = User.ToActor();
        // The concern is checked against a placeholder id so every problem is reported at once.
        Concern.TryRaise(ModelState, nameof(Concern), null, actor, Now, details?.DateOfBirth);
        if (details is not null && ModelState.IsValid)
        {
            Matches = await duplicates.FindAsync(actor, details.FirstName, details.LastName, Alias, details.DateOfBirth, ct);
            if (Matches.Any && !NoneOfTheseIsTheChild)
            {
                ModelState.AddModelError(nameof(NoneOfTheseIsTheChild),
                    "This child may already have a record. Raise the concern on their record, or confirm none of these is the child");
            }
            else if (!Confirmed || SubmissionId is null)
            {
                await LoadChoicesAsync(ct);
                SubmissionId ??= Guid.NewGuid();
                Answers = new CheckAnswers(AnswersFor(details), SubmissionId.Value,
                    "When you send it, Children's Social Care's front door receives the referral and must decide on it within one working day. A new record is made for the child.",
                    "Send referral");
                return Page();
            }
            else
            {
                try
                {
                    var child = await NewChildAsync(details, actor, ct);
                    if (!string.IsNullOrWhiteSpace(Alias)) child.AddAlias(Alias, Now);
                    var referral = Concern.TryRaise(ModelState, nameof(Concern), child, actor, Now, referralId: SubmissionId);
                    if (referral is not null)
                    {
                        Db.Children.Add(child);
                        Db.Referrals.Add(referral);
                        TempData["Saved"] = await ConcernInput.SaveOnceAsync(Db, referral, ct)
                            ? $"Your referral about {child.FullName} has been sent to Children's Social Care. Its reference is {referral.Reference}"
                            : "This referral was sent already: it was not sent again";
                        return Redirect("/Referrals");
                    }
                }
                catch (DomainRuleViolation rule)
                {
                    AddRefusal(rule, field => field == "Alias" ? nameof(Alias) : null);
                }
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>What the referral will say, in the words of the form's questions.</summary>
    private IReadOnlyList<(string, string)> AnswersFor(ChildDetails details)
    {
        string Chosen(IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> items, string? value) =>
            items.FirstOrDefault(i => i.Value == value)?.Text ?? "Not given";
        var answers = new List<(string, string)>
        {
            ("Name", $"{details.FirstName} {details.LastName}"),
            ("Alias", CheckAnswers.Text(Alias, "None")),
            ("Date of birth", CheckAnswers.Date(details.DateOfBirth)),
            ("Gender", EnumDisplay.Name(details.Gender)),
            ("Ethnicity", EnumDisplay.Name(details.Ethnicity)),
            ("School", CheckAnswers.Text(details.School)),
            ("Looked after", details.IsLookedAfter ? $"Yes{(string.IsNullOrWhiteSpace(details.Placement) ? "" : $": {details.Placement.Trim()}")}" : "No"),
        };
        if (details.IsLookedAfter)
            answers.Add(("Placed out of area", Input.PlacedOutOfArea ? $"Yes: {Chosen(HostAreaItems, Input.HostAreaId?.ToString())} is told and can see the record" : "No"));
        if (AsksResponsibleArea) answers.Add(("Local authority responsible", Chosen(AreaItems, Input.ResponsibleAreaId?.ToString())));
        if (!string.IsNullOrEmpty(Input.KeyWorkerUserId)) answers.Add(("Key worker", Chosen(KeyWorkerItems, Input.KeyWorkerUserId)));
        var involved = OrganisationItems.Where(o => Input.Organisations.Select(g => g.ToString()).Contains(o.Value)).Select(o => o.Text).ToList();
        answers.Add(("Organisations involved", involved.Count == 0 ? "None chosen" : string.Join(", ", involved)));
        answers.AddRange(Concern.Answers());
        return answers;
    }
}
