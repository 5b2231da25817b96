using Beacon.Core.Children;
using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beacon.Web.Features.Referrals;

/// <summary>The concern as typed into the referral form: what was seen, when, and the basis for sharing it.</summary>
public sealed class ConcernInput
{
    public string? WhatWasSeen { get; set; }
    public DateInput SeenOn { get; set; } = new();
    /// <summary>Optional, 24-hour clock; without it the day is what counts.</summary>
    public string? SeenAt { get; set; }
    public SharingBasis? SharingBasis { get; set; }
    public string? SharingJustification { get; set; }
    /// <summary>Ticked when the referrer believes the child is being sexually exploited now (see <see cref="Referral.ExploitationSuspected"/>).</summary>
    public bool ExploitationSuspected { get; set; }

    /// <summary>
    /// Raises the referral through the domain, received now. Problems go into ModelState beside their
    /// fields and nothing is returned.
    /// </summary>
    /// <summary>
    /// Raises the referral about <paramref name="child"/>, or with no child yet only checks the input; problems go
    /// into ModelState beside their fields.
    /// </summary>
    /// <param name="referralId">The id the form chose when it was shown, so the same submission cannot make two referrals.</param>
    public Referral? TryRaise(ModelStateDictionary modelState, string prefix, Child? child, Actor referrer, DateTime nowUtc, DateOnly? childBornOn = null, Guid? referralId = null)
    {
        var today = Core.Timescales.UkTime.ToUkDate(nowUtc);
        DateTime? seenAtUtc = null;
        if (!SeenOn.TryRead("date it was seen or heard", out var seenOn, out var dateError))
            modelState.AddModelError($"{prefix}.SeenOn", dateError);
        else if (seenOn > today)
            modelState.AddModelError($"{prefix}.SeenOn", "The date it was seen or heard must be today or in the past");
        else if (string.IsNullOrWhiteSpace(SeenAt))
            seenAtUtc = UkClock.ToUtc(seenOn, TimeOnly.MinValue);
        else if (!UkClock.TryReadTime(SeenAt, out var time))
            modelState.AddModelError($"{prefix}.SeenAt", "Enter the time as hours and minutes on the 24-hour clock, for example 14:30");
        else
            seenAtUtc = UkClock.ToUtc(seenOn, time);
        if ((WhatWasSeen ?? "").Length > ReferralConfiguration.TextMaxLength)
            modelState.AddModelError($"{prefix}.WhatWasSeen", $"What was seen or heard must be {ReferralConfiguration.TextMaxLength} characters or fewer");
        if ((SharingJustification ?? "").Length > ReferralConfiguration.TextMaxLength)
            modelState.AddModelError($"{prefix}.SharingJustification", $"The reason must be {ReferralConfiguration.TextMaxLength} characters or fewer");
        if (string.IsNullOrWhiteSpace(WhatWasSeen))
            modelState.AddModelError($"{prefix}.WhatWasSeen", "Describe what was seen or heard.");
        if (SharingBasis is null)
            modelState.AddModelError($"{prefix}.SharingBasis", "Choose the basis for sharing this information.");
        if (!modelState.IsValid) return null;
        try
        {
            if (child is not null) return Referral.Raise(child, referrer, WhatWasSeen!, seenAtUtc!.Value, nowUtc, SharingBasis!.Value, SharingJustification, ExploitationSuspected,
                seenTimeGiven: !string.IsNullOrWhiteSpace(SeenAt), id: referralId);
            Referral.Check(referrer, WhatWasSeen!, seenAtUtc!.Value, nowUtc, SharingBasis!.Value, SharingJustification, childBornOn);
            return null;
        }
        catch (DomainRuleViolation rule)
        {
            modelState.AddModelError(rule.Field switch
            {
                nameof(Referral.WhatWasSeen) => $"{prefix}.WhatWasSeen",
                nameof(Referral.SeenAtUtc) => $"{prefix}.SeenOn",
                nameof(Referral.SharingBasis) => $"{prefix}.SharingBasis",
                nameof(Referral.SharingJustification) => $"{prefix}.SharingJustification",
                _ => "",
            }, rule.Message);
            return null;
        }
    }

    /// <summary>The concern in the words of the form's questions, for checking before it is sent.</summary>
    public IEnumerable<(string Question, string Answer)> Answers()
    {
        var seen = SeenOn.TryRead("date", out var on, out _) ? CheckAnswers.Date(on) : "";
        yield return ("What was seen or heard", CheckAnswers.Text(WhatWasSeen));
        yield return ("When", string.IsNullOrWhiteSpace(SeenAt) ? $"{seen} (no time given)" : $"{seen}, {SeenAt.Trim()}");
        yield return ("Being sexually exploited, or groomed for it, now", ExploitationSuspected ? "Yes: the child goes on the exploitation panel's list" : "No");
        yield return ("Basis for sharing", SharingBasis is { } basis ? basis.Name() : "Not given");
        if (!string.IsNullOrWhiteSpace(SharingJustification)) yield return ("Why sharing is justified", SharingJustification.Trim());
    }

    /// <summary>
    /// Saves a referral raised under the id its check-your-answers step chose; false when that referral was sent
    /// already (the same answers sent twice), and nothing more is saved.
    /// </summary>
    public static async Task<bool> SaveOnceAsync(BeaconDbContext db, Referral referral, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException sent) when (sent.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Referrals, r => r.Id == referral.Id, ct)) throw;
            return false;
        }
    }

    public static IEnumerable<SelectListItem> SharingBasisItems() =>
        Enum.GetValues<SharingBasis>().Select(b => new SelectListItem(b.Name(), b.ToString()));
}
