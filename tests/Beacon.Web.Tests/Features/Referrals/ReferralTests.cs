using System.Net;
using Beacon.Core.Referrals;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Referrals;

/// <summary>Raising a concern, the front door queue and triage decisions, through the real HTTP pipeline.</summary>
public abstract class ReferralTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task A_concern_seen_on_a_day_without_a_time_shows_the_day_alone_not_midnight()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var dayOnly = await RaiseForNewChildAsync(Factory, outreach, "Perdita", "Dayonly");
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var shown = (await worker.GetAsync($"/Referrals/{dayOnly}")).Document.QuerySelector("#seen-at")!.TextContent;
        Assert.Contains("(no time given)", shown);
        Assert.DoesNotContain("00:00", shown);
        Assert.False((await ReferralAsync(Factory, dayOnly)).SeenTimeGiven);
    }

    [Fact]
    public async Task An_outreach_referral_reaches_the_front_door_and_the_referrer_sees_the_outcome()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var id = await RaiseForNewChildAsync(Factory, outreach, "Marigold", "Quenby");

        var mine = await outreach.GetAsync("/Referrals");
        Assert.Contains("Marigold Quenby", mine.Document.QuerySelector("#my-referrals")!.TextContent);
        Assert.Contains("Awaiting decision", mine.Document.QuerySelector("#my-referrals")!.TextContent);
        // Raising the concern involved Youth Outreach with the child, so the referrer can see the record.
        var referral = await ReferralAsync(Factory, id);
        Assert.Equal("outreach@beacon.test", await WithDbAsync(Factory, db => db.Users.Where(u => u.Id == referral.ReferrerUserId).Select(u => u.Email!).SingleAsync()));
        Assert.Equal(Beacon.Core.Access.Agency.YouthOutreach, referral.ReferrerAgency);
        Assert.Equal(SharingBasis.ConsentGiven, referral.SharingBasis);

        // The front door is for Children's Social Care only.
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/Referrals/Queue")).Status);
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var queue = await socialWorker.GetAsync("/Referrals/Queue");
        var row = queue.Document.QuerySelectorAll("#queue tbody tr").Single(r => r.TextContent.Contains("Marigold Quenby"));
        Assert.Contains("Due", row.TextContent);

        var decided = await socialWorker.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.EarlyHelp));
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        mine = await outreach.GetAsync("/Referrals");
        Assert.Contains("Early help", mine.Document.QuerySelector("#my-referrals")!.TextContent);
        Assert.DoesNotContain("Marigold Quenby", (await socialWorker.GetAsync("/Referrals/Queue")).Text);

        // The referrer's list orders oldest or newest first and narrows to those still waiting for a decision.
        var second = await RaiseForNewChildAsync(Factory, outreach, "Marigold", "Waitsyet");
        static List<string> Names(BeaconClient.PageResponse page) =>
            page.Document.QuerySelectorAll("#my-referrals tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        var newest = Names(await outreach.GetAsync("/Referrals"));
        Assert.True(newest.IndexOf("Marigold Waitsyet") < newest.IndexOf("Marigold Quenby"));
        var oldest = Names(await outreach.GetAsync("/Referrals?Order=OldestFirst"));
        var earliest = await WithDbAsync(Factory, db => (from r in db.Referrals
                                                          join u in db.Users on r.ReferrerUserId equals u.Id
                                                          where u.Email == "outreach@beacon.test"
                                                          join c in db.Children on r.ChildId equals c.Id
                                                          orderby r.ReceivedAtUtc, r.Id
                                                          select c.FirstName + " " + c.LastName).FirstAsync());
        Assert.Equal(earliest, oldest[0]);
        var waiting = await outreach.GetAsync("/Referrals?WaitingOnly=true");
        Assert.Contains("Marigold Waitsyet", Names(waiting));
        Assert.DoesNotContain("Marigold Quenby", Names(waiting));
        Assert.All(waiting.Document.QuerySelectorAll("#my-referrals tbody tr"), r => Assert.Contains("Awaiting decision", r.TextContent));
    }

    [Fact]
    public async Task The_name_and_date_of_birth_typed_to_find_a_child_carry_into_the_new_child_form()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var find = await outreach.GetAsync("/Referrals/Find?FirstName=Quillon&LastName=Nevermet&DateOfBirth.Day=4&DateOfBirth.Month=11&DateOfBirth.Year=2012");
        var link = find.Document.QuerySelectorAll("a").First(a => a.TextContent.Contains("The child is not listed")).GetAttribute("href")!;
        var form = await outreach.GetAsync(link);
        Assert.Equal("Quillon", form.Document.QuerySelector("#Input-FirstName")!.GetAttribute("value"));
        Assert.Equal("4", form.Document.QuerySelector("input[name='Input.DateOfBirth.Day']")!.GetAttribute("value"));
        Assert.Equal("11", form.Document.QuerySelector("input[name='Input.DateOfBirth.Month']")!.GetAttribute("value"));
        Assert.Equal("2012", form.Document.QuerySelector("input[name='Input.DateOfBirth.Year']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_new_childs_referral_is_checked_before_it_is_sent_and_nothing_is_made_until_then()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var children = await WithDbAsync(Factory, db => db.Children.CountAsync());
        var referrals = await WithDbAsync(Factory, db => db.Referrals.CountAsync());
        var fields = new Dictionary<string, string>(NewChild("Rosalind", "Checkanswers").Concat(Concern("Seen with an older man at the bus station")).ToDictionary());
        var check = await outreach.SubmitAsync("/Referrals/NewChild", "main form", fields);
        if (check.Document.QuerySelector("#possible-duplicates") is not null)
            check = await outreach.SubmitAsync(check, "main form", new(fields) { ["NoneOfTheseIsTheChild"] = "true" }, "/Referrals/NewChild");
        var answers = check.Document.QuerySelector("#answers")!.TextContent;
        Assert.Contains("Rosalind Checkanswers", answers);
        Assert.Contains("9 July 2011", answers);
        Assert.Contains("Seen with an older man at the bus station", answers);
        Assert.Equal(children, await WithDbAsync(Factory, db => db.Children.CountAsync()));
        Assert.Equal(referrals, await WithDbAsync(Factory, db => db.Referrals.CountAsync()));

        // "Change your answers" brings the form back as typed.
        var change = await outreach.SubmitAsync(check, "#check-answers", new() { ["Change"] = "true" }, "/Referrals/NewChild");
        Assert.Equal("Rosalind", change.Document.QuerySelector("#Input-FirstName")!.GetAttribute("value"));
        Assert.Null(change.Document.QuerySelector("#answers"));
        Assert.Empty(change.Errors);

        var sent = await outreach.SubmitAsync(check, "#check-answers", [], "/Referrals/NewChild");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(children + 1, await WithDbAsync(Factory, db => db.Children.CountAsync()));
        Assert.Equal(referrals + 1, await WithDbAsync(Factory, db => db.Referrals.CountAsync()));

        // Sent again (back and resubmit, or two clicks at once), past the possible-match warning the new record now
        // raises: refused as the same referral, and no second child.
        var again = new Dictionary<string, string> { ["NoneOfTheseIsTheChild"] = "true" };
        var twice = await Task.WhenAll(outreach.SubmitAsync(check, "#check-answers", again, "/Referrals/NewChild"),
            outreach.SubmitAsync(check, "#check-answers", again, "/Referrals/NewChild"));
        Assert.All(twice, t => Assert.Equal(HttpStatusCode.Redirect, t.Status));
        Assert.Contains("sent already", (await outreach.GetAsync("/Referrals")).Text);
        Assert.Equal(children + 1, await WithDbAsync(Factory, db => db.Children.CountAsync()));
        Assert.Equal(referrals + 1, await WithDbAsync(Factory, db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task A_concern_about_a_child_with_a_record_is_checked_before_it_is_sent_and_sent_once()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, outreach, "Marisol", "Secondconcern");
        var childId = await WithDbAsync(Factory, db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.ChildId).SingleAsync());
        int Count(BeaconDbContext db) => db.Referrals.Count(r => r.ChildId == childId);
        var before = await WithDbAsync(Factory, db => Task.FromResult(Count(db)));

        // The panel hint belongs to its checkbox: under the box's label, as GOV.UK places it, and read with it.
        var blank = await outreach.GetAsync($"/Referrals/Create/{childId}");
        Assert.NotNull(blank.Document.QuerySelector(".govuk-checkboxes__item > #Concern-ExploitationSuspected-hint"));
        Assert.Contains("Concern-ExploitationSuspected-hint", blank.Document.QuerySelector("#Concern-ExploitationSuspected")!.GetAttribute("aria-describedby"));

        var fields = new Dictionary<string, string>(Concern("Seen again at the bus station with the same older man")) { ["Concern.ExploitationSuspected"] = "true" };
        var check = await outreach.SubmitAsync($"/Referrals/Create/{childId}", "main form", fields);
        var answers = check.Document.QuerySelector("#answers")!.TextContent;
        Assert.Contains("Marisol Secondconcern, born 9 July 2011", answers);
        Assert.Contains("Seen again at the bus station with the same older man", answers);
        Assert.Contains("the child goes on the exploitation panel's list", answers);
        Assert.Contains("Consent given", answers);
        Assert.Equal(before, await WithDbAsync(Factory, db => Task.FromResult(Count(db))));

        // "Change your answers" brings the form back as typed, with nothing refused.
        var change = await outreach.SubmitAsync(check, "#check-answers", new() { ["Change"] = "true" }, $"/Referrals/Create/{childId}");
        Assert.Equal("Seen again at the bus station with the same older man", change.Document.QuerySelector("#Concern-WhatWasSeen")!.TextContent.Trim());
        Assert.NotNull(change.Document.QuerySelector("input[name='Concern.ExploitationSuspected'][checked]"));
        Assert.Null(change.Document.QuerySelector("#answers"));
        Assert.Empty(change.Errors);

        var sent = await outreach.SubmitAsync(check, "#check-answers", [], $"/Referrals/Create/{childId}");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(before + 1, await WithDbAsync(Factory, db => Task.FromResult(Count(db))));
        // The referrer is told the reference to quote, and the referral says what they answered.
        var (id, reference) = await WithDbAsync(Factory, db => db.Referrals.Where(r => r.ChildId == childId && r.ExploitationSuspected)
            .Select(r => new { r.Id, r.Reference }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.Reference)));
        Assert.Contains($"Its reference is {reference}", (await outreach.GetAsync("/Referrals")).Text);
        Assert.StartsWith("Yes", (await outreach.GetAsync($"/Referrals/{id}")).Document.QuerySelector("#exploitation-suspected")!.TextContent.Trim());

        // Sent again (back and resubmit, or two clicks at once): refused as the same referral.
        var twice = await Task.WhenAll(outreach.SubmitAsync(check, "#check-answers", [], $"/Referrals/Create/{childId}"),
            outreach.SubmitAsync(check, "#check-answers", [], $"/Referrals/Create/{childId}"));
        Assert.All(twice, t => Assert.Equal(HttpStatusCode.Redirect, t.Status));
        Assert.Contains("sent already", (await outreach.GetAsync("/Referrals")).Text);
        Assert.Equal(before + 1, await WithDbAsync(Factory, db => Task.FromResult(Count(db))));
    }

    [Fact]
    public async Task A_decision_dated_before_the_referral_was_received_is_refused_and_changes_nothing()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var id = await RaiseForNewChildAsync(Factory, outreach, "Hollis", "Pemberton");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");

        var before = Beacon.Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow).AddDays(-2);
        var page = await socialWorker.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.Assessment, before));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The decision cannot be dated before the referral was received.", page.FieldError("Decision-DecidedOn"));
        var referral = await ReferralAsync(Factory, id);
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
        Assert.Null(referral.ProposedOutcome);
        Assert.False(await WithDbAsync(Factory, db => db.Cases.AnyAsync(c => c.ReferralId == id)));
    }

    [Fact]
    public async Task The_whole_front_door_queue_downloads_as_csv()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        await RaiseForNewChildAsync(Factory, outreach, "Honoria", "Blenkinsop");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");

        var queue = await socialWorker.GetAsync("/Referrals/Queue");
        Assert.NotNull(queue.Document.QuerySelector("#download-csv"));
        using var response = await socialWorker.Http.GetAsync("/Referrals/Queue?handler=Csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Child,Referred by,Received", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^R-[0-9A-F]{5}-[0-9A-F]{5},Honoria Blenkinsop,") && l.Contains("Youth Outreach"));
        Assert.Equal(queue.Document.QuerySelectorAll("#queue tbody tr").Length, lines.Length - 1);

        // Not social care: no queue, and no file.
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/Referrals/Queue?handler=Csv")).Status);
    }

    [Fact]
    public async Task The_queue_narrows_to_one_referring_agency_and_the_download_follows()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        await RaiseForNewChildAsync(Factory, outreach, "Perpetua", "Quillfeather");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");

        var all = await socialWorker.GetAsync("/Referrals/Queue");
        var outreachOnly = await socialWorker.GetAsync("/Referrals/Queue?ReferredBy=YouthOutreach");
        var rows = outreachOnly.Document.QuerySelectorAll("#queue tbody tr").ToList();
        Assert.Contains(rows, r => r.TextContent.Contains("Perpetua Quillfeather"));
        Assert.All(rows, r => Assert.Contains("Youth Outreach", r.TextContent));
        Assert.True(rows.Count <= all.Document.QuerySelectorAll("#queue tbody tr").Length);
        // Referrals left out by the filter are not counted as hidden restricted records.
        Assert.Equal(all.Document.QuerySelector("#hidden-referrals")?.TextContent, outreachOnly.Document.QuerySelector("#hidden-referrals")?.TextContent);
        var police = await socialWorker.GetAsync("/Referrals/Queue?ReferredBy=Police");
        Assert.DoesNotContain("Perpetua Quillfeather", police.Document.QuerySelector("#queue")?.TextContent ?? "");

        var href = outreachOnly.Document.QuerySelector("#download-csv")!.GetAttribute("href")!;
        Assert.Contains("ReferredBy=YouthOutreach", href);
        Assert.Contains("these referrals", outreachOnly.Document.QuerySelector("#download-csv")!.TextContent);
        using var csv = await socialWorker.Http.GetAsync(href);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("Youth Outreach", l));
    }

    [Fact]
    public async Task The_queue_sorts_oldest_or_newest_first_or_by_name_and_the_download_follows()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        await RaiseForNewChildAsync(Factory, outreach, "Aurelia", "Zzyzxsort");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        async Task<List<string>> ReceivedAsync(string sort) => (await socialWorker.GetAsync($"/Referrals/Queue?Sort={sort}&PageNumber=1")).Document
            .QuerySelectorAll("#queue tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()).ToList();

        var oldest = await ReceivedAsync("OldestFirst");
        var newest = await ReceivedAsync("NewestFirst");
        Assert.Equal("Aurelia Zzyzxsort", newest[0]); // raised just now
        Assert.NotEqual("Aurelia Zzyzxsort", oldest[0]);
        var byName = await ReceivedAsync("ChildName");
        var lastNames = byName.Select(n => n.Split(' ')[^1].ToLowerInvariant()).ToList();
        Assert.Equal(lastNames.Order(StringComparer.Ordinal).ToList(), lastNames);
        using var csv = await socialWorker.Http.GetAsync("/Referrals/Queue?handler=Csv&Sort=NewestFirst");
        Assert.Contains(",Aurelia Zzyzxsort,", (await csv.Content.ReadAsStringAsync()).Split("\r\n")[1]);
        // A value the form does not offer is refused, not guessed.
        Assert.Equal(HttpStatusCode.BadRequest, (await socialWorker.GetAsync("/Referrals/Queue?Sort=Sideways")).Status);
    }

    [Fact]
    public async Task A_manager_who_proposes_no_further_action_is_not_offered_its_approval()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var id = await RaiseForNewChildAsync(Factory, outreach, "Leocadia", "Fairweather");
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");

        var proposed = await manager.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.NoFurtherAction, reason: "Already supported by the school nurse (fictional)"));
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);

        var page = await manager.GetAsync($"/Referrals/{id}");
        Assert.Null(page.Document.QuerySelector("#approve"));
        Assert.Contains("another team manager must approve", page.Document.QuerySelector("#own-proposal")!.TextContent);
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, (await ReferralAsync(Factory, id)).Status);

        // The demo's second manager finds it on their work list and approves it.
        using var second = await BeaconClient.SignedInAsync(Factory, "second.manager@beacon.test");
        Assert.Contains("Leocadia Fairweather", (await second.GetAsync("/MyWork")).Document.QuerySelector("#approve-nfa")!.TextContent);
        var approved = await second.SubmitAsync($"/Referrals/{id}", "#approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(ReferralStatus.Decided, (await ReferralAsync(Factory, id)).Status);
    }

    [Fact]
    public async Task No_further_action_needs_a_reason_and_a_team_managers_approval()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var id = await RaiseForNewChildAsync(Factory, outreach, "Tamsin", "Oakridge");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");

        var noReason = await socialWorker.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.NoFurtherAction));
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Equal("Give the reason for no further action.", noReason.FieldError("Decision-Reason"));
        Assert.Equal(ReferralStatus.AwaitingDecision, (await ReferralAsync(Factory, id)).Status);

        var proposed = await socialWorker.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.NoFurtherAction, reason: "Known to early help; concern already addressed"));
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, (await ReferralAsync(Factory, id)).Status);
        // Until approved the referrer sees no outcome, and a social worker cannot approve.
        Assert.Contains("Awaiting decision", (await outreach.GetAsync("/Referrals")).Document.QuerySelector("#my-referrals")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(socialWorker, $"/Referrals/{id}", "Approve", new() { ["Version"] = "1" })).Status);
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, (await ReferralAsync(Factory, id)).Status);

        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var approved = await manager.SubmitAsync($"/Referrals/{id}", "#approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var referral = await ReferralAsync(Factory, id);
        Assert.Equal(ReferralStatus.Decided, referral.Status);
        Assert.Equal(TriageOutcome.NoFurtherAction, referral.Outcome);
        var mine = (await outreach.GetAsync("/Referrals")).Document.QuerySelector("#my-referrals")!.TextContent;
        Assert.Contains("No further action", mine);
        Assert.Contains("Known to early help", mine);
    }

    [Fact]
    public async Task A_manager_can_return_no_further_action_for_a_fresh_decision_but_not_without_a_reason()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var id = await RaiseForNewChildAsync(Factory, outreach, "Rosalind", "Featherby");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        await socialWorker.SubmitAsync($"/Referrals/{id}", "#decide", Decision(TriageOutcome.NoFurtherAction, reason: "Parents engaged"));

        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var refused = await manager.SubmitAsync($"/Referrals/{id}", "#return", []);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Say why no further action is not agreed.", refused.FieldError("ReturnReason"));
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, (await ReferralAsync(Factory, id)).Status);

        var returned = await manager.SubmitAsync($"/Referrals/{id}", "#return", new() { ["ReturnReason"] = "Third referral this month: assess" });
        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        var referral = await ReferralAsync(Factory, id);
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
        Assert.Equal("Third referral this month: assess", referral.ManagerReturnReason);
    }

    [Fact]
    public async Task An_unknown_child_is_refused_and_nothing_is_saved()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var before = await WithDbAsync(Factory, db => db.Referrals.CountAsync());
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await outreach.GetAsync($"/Referrals/Create/{unknown}")).Status);
        using var response = await outreach.Http.PostAsync($"/Referrals/Create/{unknown}",
            new FormUrlEncodedContent(new Dictionary<string, string>(Concern())
            {
                ["__RequestVerificationToken"] = (await outreach.GetAsync("/Referrals")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await WithDbAsync(Factory, db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task A_referral_without_what_was_seen_or_a_justification_is_refused_beside_the_fields()
    {
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await WithDbAsync(Factory, db => db.Children.OrderBy(c => c.LastName).Select(c => c.Id).FirstAsync());
        var before = await WithDbAsync(Factory, db => db.Referrals.CountAsync());
        var page = await socialWorker.SubmitAsync($"/Referrals/Create/{childId}", "main form", new(Concern(what: ""))
        {
            ["Concern.SharingBasis"] = nameof(SharingBasis.ConsentNotSoughtUrgent),
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Describe what was seen or heard.", page.FieldError("Concern-WhatWasSeen"));
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        page = await socialWorker.SubmitAsync($"/Referrals/Create/{childId}", "main form", new(Concern(seenOn: future))
        {
            ["Concern.SharingBasis"] = nameof(SharingBasis.ConsentNotSoughtUrgent),
        });
        Assert.Equal("The date it was seen or heard must be today or in the past", page.FieldError("Concern-SeenOn"));
        page = await socialWorker.SubmitAsync($"/Referrals/Create/{childId}", "main form", new(Concern())
        {
            ["Concern.SharingBasis"] = nameof(SharingBasis.ConsentNotSoughtUrgent),
        });
        Assert.Equal("Without consent, record why sharing is justified to protect the child.", page.FieldError("Concern-SharingJustification"));
        Assert.Equal(before, await WithDbAsync(Factory, db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task Likely_duplicates_are_suggested_before_a_new_record_is_made()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        await RaiseForNewChildAsync(Factory, outreach, "Perpetua", "Windlesham");
        var children = await WithDbAsync(Factory, db => db.Children.CountAsync());

        // Same name and date of birth: the outreach worker can see the first record, so it is offered.
        var page = await outreach.SubmitAsync("/Referrals/NewChild", "main form", new(NewChild("perpetua", "WINDLESHAM").Concat(Concern()).ToDictionary()));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#possible-duplicates"));
        Assert.Contains("Perpetua Windlesham", page.Text);
        Assert.Equal(children, await WithDbAsync(Factory, db => db.Children.CountAsync()));

        // A school lead cannot see that record: they learn only that one may exist, never whose it is.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        var find = await school.GetAsync("/Referrals/Find?FirstName=Perpetua&LastName=Windlesham");
        Assert.NotNull(find.Document.QuerySelector("#may-exist"));
        Assert.Empty(find.Document.QuerySelectorAll("#matches li"));
        var blind = await school.SubmitAsync("/Referrals/NewChild", "main form", new(NewChild("Perpetua", "Windlesham").Concat(Concern()).ToDictionary()));
        Assert.Contains("A record may already exist at Children's Social Care", blind.Text);
        Assert.DoesNotContain("/Referrals/Create/", blind.Document.QuerySelector("main")!.InnerHtml);
        Assert.Equal(children, await WithDbAsync(Factory, db => db.Children.CountAsync()));
    }
}

public sealed class SqliteReferralTests(SqliteBeacon beacon) : ReferralTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresReferralTests(PostgresBeacon beacon) : ReferralTests(beacon), IClassFixture<PostgresBeacon>;
