using System.Net;
using Beacon.Core.Cases;
using Beacon.Core.Referrals;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Features.Referrals;

/// <summary>Steps the referral and case tests share: raising a concern, deciding it, reading the database.</summary>
public static class ReferralSteps
{
    public static Dictionary<string, string> NewChild(string first, string last, string day = "9", string month = "7", string year = "2011") => new()
    {
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.DateOfBirth.Day"] = day,
        ["Input.DateOfBirth.Month"] = month,
        ["Input.DateOfBirth.Year"] = year,
        ["Input.Gender"] = "Female",
        ["Input.Ethnicity"] = "NotRecorded",
    };

    public static Dictionary<string, string> Concern(string what = "Seen getting into a car with older men outside the youth club", DateOnly? seenOn = null)
    {
        var on = seenOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        return new()
        {
            ["Concern.WhatWasSeen"] = what,
            ["Concern.SeenOn.Day"] = on.Day.ToString(),
            ["Concern.SeenOn.Month"] = on.Month.ToString(),
            ["Concern.SeenOn.Year"] = on.Year.ToString(),
            ["Concern.SharingBasis"] = nameof(SharingBasis.ConsentGiven),
        };
    }

    /// <summary>
    /// Fills in the new-child concern form, says none of any possible matches is the child, and sends it from the
    /// check-your-answers page, as a person does.
    /// </summary>
    public static async Task<BeaconClient.PageResponse> SendNewChildReferralAsync(BeaconClient client, Dictionary<string, string> fields)
    {
        var page = await client.SubmitAsync("/Referrals/NewChild", "main form", fields);
        if (page.Status == HttpStatusCode.OK && page.Document.QuerySelector("#possible-duplicates") is not null)
            page = await client.SubmitAsync(page, "main form", new(fields) { ["NoneOfTheseIsTheChild"] = "true" }, "/Referrals/NewChild");
        if (page.Status == HttpStatusCode.OK && page.Document.QuerySelector("#check-answers") is not null)
            page = await client.SubmitAsync(page, "#check-answers", [], "/Referrals/NewChild");
        return page;
    }

    /// <summary>Raises a concern about a child who has a record, sending it from the check-your-answers page as a person does.</summary>
    public static async Task<BeaconClient.PageResponse> SendConcernAsync(BeaconClient client, Guid childId, Dictionary<string, string> fields)
    {
        var page = await client.SubmitAsync($"/Referrals/Create/{childId}", "main form", fields);
        if (page.Status == HttpStatusCode.OK && page.Document.QuerySelector("#check-answers") is not null)
            page = await client.SubmitAsync(page, "#check-answers", [], $"/Referrals/Create/{childId}");
        return page;
    }

    /// <summary>Raises a referral about a new child and returns the referral's id.</summary>
    public static async Task<Guid> RaiseForNewChildAsync(BeaconFactory factory, BeaconClient client, string first, string last)
    {
        var page = await SendNewChildReferralAsync(client, new(NewChild(first, last).Concat(Concern()).ToDictionary()));
        Assert.True(page.Status == HttpStatusCode.Redirect, string.Join("; ", page.Errors));
        Assert.Equal("/Referrals", page.Location);
        return await WithDbAsync(factory, db => db.Referrals.Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => new { r.Id, c.FirstName, c.LastName })
            .Where(x => x.FirstName == first && x.LastName == last).Select(x => x.Id).SingleAsync());
    }

    public static Dictionary<string, string> Decision(TriageOutcome outcome, DateTime? atUk = null, string? reason = null)
    {
        var at = atUk ?? Beacon.Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow);
        var fields = new Dictionary<string, string>
        {
            ["Decision.Outcome"] = outcome.ToString(),
            ["Decision.DecidedOn.Day"] = at.Day.ToString(),
            ["Decision.DecidedOn.Month"] = at.Month.ToString(),
            ["Decision.DecidedOn.Year"] = at.Year.ToString(),
            ["Decision.DecidedAt"] = at.ToString("HH:mm"),
        };
        if (reason is not null) fields["Decision.Reason"] = reason;
        return fields;
    }

    /// <summary>Records a decision that opens a case and returns the case's id.</summary>
    public static async Task<Guid> DecideToOpenCaseAsync(BeaconFactory factory, BeaconClient socialWorker, Guid referralId, TriageOutcome outcome = TriageOutcome.StrategyDiscussion)
    {
        var decided = await socialWorker.SubmitAsync($"/Referrals/{referralId}", "#decide", Decision(outcome));
        Assert.True(decided.Status == HttpStatusCode.Redirect, string.Join("; ", decided.Errors));
        Assert.StartsWith("/Cases/", decided.Location);
        return Guid.Parse(decided.Location!["/Cases/".Length..]);
    }

    public static Task<T> WithDbAsync<T>(BeaconFactory factory, Func<BeaconDbContext, Task<T>> work) =>
        factory.WithScopeAsync(async sp => await work(sp.GetRequiredService<BeaconDbContext>()));

    public static Task<Referral> ReferralAsync(BeaconFactory factory, Guid id) =>
        WithDbAsync(factory, db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<Case> CaseAsync(BeaconFactory factory, Guid id) =>
        WithDbAsync(factory, db => db.Cases.AsNoTracking().Include(c => c.StrategyDiscussions).Include(c => c.StageHistory).SingleAsync(c => c.Id == id));

    /// <summary>
    /// Posts straight to a page handler with a valid anti-forgery token, as a hand-made request would: used to
    /// prove the server refuses what the page does not offer.
    /// </summary>
    public static async Task<BeaconClient.PageResponse> PostAsync(BeaconClient client, string pageUrl, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(pageUrl);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await client.Http.PostAsync($"{pageUrl}?handler={handler}", new FormUrlEncodedContent(values));
        return await BeaconClient.PageResponse.ReadAsync(response);
    }
}
