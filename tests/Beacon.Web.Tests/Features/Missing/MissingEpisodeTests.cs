using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Missing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Missing.MissingSteps;

namespace Beacon.Web.Tests.Features.Missing;

/// <summary>Missing episodes through the real HTTP pipeline: the 72-hour interview clock, the repeatedly-missing flag, refusals and access.</summary>
public abstract class MissingEpisodeTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task The_return_home_interview_is_due_72_hours_after_the_return_and_shown_overdue_by_how_many_hours()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Wrenna", "Dovetail");

        // Back 10 hours ago: due in 62 hours, less the seconds since the minute typed.
        var recent = await EpisodeAsync(worker, child, Ago(TimeSpan.FromHours(30)), TimeSpan.FromHours(20));
        Assert.Matches(new Regex("Due in 6[12] hours"), await EpisodeRowAsync(worker, child, recent));

        // Back 4 days ago: the interview was due a day ago, and a part-hour late counts as an hour.
        var old = await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(5)), TimeSpan.FromDays(1));
        Assert.Matches(new Regex("Overdue by 2[45] hours"), await EpisodeRowAsync(worker, child, old));

        var record = await worker.GetAsync(child);
        Assert.Contains("Return home interview overdue by", record.Document.QuerySelector(".beacon-rhi-overdue")!.TextContent);
        Assert.Matches(new Regex(@"^\s*2\s+Overdue\s*$"), record.Document.QuerySelector("#section-missing #missing-interviews")!.TextContent);

        // Social care's list shows both, the overdue one first.
        var list = await worker.GetAsync("/Missing/ReturnHomeInterviews");
        var rows = list.Document.QuerySelectorAll("#outstanding-interviews tbody tr").Where(r => r.TextContent.Contains("Wrenna Dovetail")).Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Overdue by", rows[0]);
        Assert.Contains("Due in", rows[1]);
        // The same list downloads as CSV, in the same order, and the download is audited.
        using (var csv = await worker.Http.GetAsync(list.Document.QuerySelector("#download-csv")!.GetAttribute("href")))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).Split('\n').Where(l => l.Contains("Wrenna Dovetail")).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Contains("Overdue by", lines[0]);
        }
        Assert.True(await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.AuditEntries.AnyAsync(e => e.EntityType == "ReturnHomeInterviews" && e.Action == Core.Audit.AuditAction.Exported)));

        var late = await InterviewAsync(worker, child, old, Ago(TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        Assert.Matches(new Regex("Done 2[45] hours late"), await EpisodeRowAsync(worker, child, old));
        var onTime = await InterviewAsync(worker, child, recent, Ago(TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Redirect, onTime.Status);
        Assert.Contains("Done on time", await EpisodeRowAsync(worker, child, recent));

        list = await worker.GetAsync("/Missing/ReturnHomeInterviews");
        Assert.DoesNotContain("Wrenna Dovetail", list.Text);
    }

    [Fact]
    public async Task The_third_episode_within_90_days_flags_the_child_as_repeatedly_missing()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Ilsabet", "Quorn");

        await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(85)), TimeSpan.FromHours(12));
        await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(40)), TimeSpan.FromHours(12));
        Assert.Null((await worker.GetAsync(child)).Document.QuerySelector("#repeatedly-missing"));

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(worker, child, Ago(TimeSpan.FromDays(3)))).Status);
        var missingPage = await worker.GetAsync($"{child}/Missing");
        Assert.Contains("now flagged as repeatedly missing", missingPage.Text);
        Assert.NotNull(missingPage.Document.QuerySelector("#repeatedly-missing"));
        var id = missingPage.Document.QuerySelector("#missing-episodes tbody tr")!.GetAttribute("data-episode")!;

        var record = await worker.GetAsync(child);
        Assert.Contains("Repeatedly missing", record.Document.QuerySelector("#repeatedly-missing")!.TextContent);
        Assert.NotNull(record.Document.QuerySelector("#currently-missing"));
        Assert.Contains(id, missingPage.Document.QuerySelector($"a[href$='/Missing/{id}/Return']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Three_episodes_spread_over_more_than_90_days_do_not_flag_the_child()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Tamsin", "Ollerby");

        await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(200)), TimeSpan.FromHours(6));
        await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(120)), TimeSpan.FromHours(6));
        await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(20)), TimeSpan.FromHours(6));

        Assert.Equal(3, (await EpisodeIdsAsync(worker, child)).Count);
        Assert.Null((await worker.GetAsync(child)).Document.QuerySelector("#repeatedly-missing"));
        Assert.Null((await worker.GetAsync($"{child}/Missing")).Document.QuerySelector("#repeatedly-missing"));
    }

    [Fact]
    public async Task A_return_before_the_child_went_missing_is_refused_and_changes_nothing()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Corvina", "Hapgood");
        var id = await ReportedAsync(worker, child, Ago(TimeSpan.FromHours(5)));

        var refused = await ReturnAsync(worker, child, id, Ago(TimeSpan.FromHours(8)));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("The return cannot be before the child was reported missing.", refused.FieldError("Input-Date"));
        Assert.Contains("The return cannot be before the child was reported missing.", refused.Errors);
        Assert.Null((await StoredEpisodeAsync(id)).ReturnedAtUtc);

        // An interview before the return is refused by the domain rule, even when posted directly.
        Assert.Contains("A return home interview can only be recorded after the child's return.", (await worker.GetAsync($"{child}/Missing/{id}/Interview")).Text);
        var form = await worker.GetAsync($"{child}/Missing/{id}/Return");
        var interview = await worker.SubmitAsync(form, "main form", When(Ago(TimeSpan.FromHours(1))), $"{child}/Missing/{id}/Interview");
        Assert.Equal(HttpStatusCode.OK, interview.Status);
        Assert.Contains("A return home interview can only be recorded after the child's return.", interview.Errors);
        Assert.Null((await StoredEpisodeAsync(id)).ReturnHomeInterviewDoneAtUtc);
    }

    [Theory]
    [InlineData("future")]
    [InlineData("no time")]
    [InlineData("bad time")]
    [InlineData("bad date")]
    public async Task A_report_with_a_bad_or_future_time_is_refused_and_saves_nothing(string problem)
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Ferelith", "Nantwich");
        var fields = When(DateTime.UtcNow.AddHours(-1));
        var (field, message) = problem switch
        {
            "future" => ("Input-Date", "The date and time they were reported missing cannot be in the future"),
            "no time" => ("Input-Time", "Enter the time they were reported missing"),
            "bad time" => ("Input-Time", "Enter the time on the 24-hour clock, for example 14:30"),
            _ => ("Input-Date", "The date they were reported missing must be a real date"),
        };
        switch (problem)
        {
            case "future": fields = When(DateTime.UtcNow.AddDays(2)); break;
            case "no time": fields["Input.Time"] = ""; break;
            case "bad time": fields["Input.Time"] = "25:10"; break;
            default: fields["Input.Date.Day"] = "31"; fields["Input.Date.Month"] = "2"; break;
        }
        var before = await CountEpisodesAsync();
        var page = await worker.SubmitAsync($"{child}/Missing/Report", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(before, await CountEpisodesAsync());
    }

    [Fact]
    public async Task A_child_already_missing_cannot_be_reported_missing_again()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Morwenna", "Tallis");
        await ReportedAsync(worker, child, Ago(TimeSpan.FromHours(3)));
        var before = await CountEpisodesAsync();

        var again = await ReportAsync(worker, child, Ago(TimeSpan.FromHours(1)));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.Contains("is already recorded as missing"));
        Assert.Equal(before, await CountEpisodesAsync());
    }

    [Fact]
    public async Task Unknown_children_and_episodes_are_not_found()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Hespera", "Lowick");
        var unknown = $"/Children/{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{unknown}/Missing")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{unknown}/Missing/Report")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{child}/Missing/{Guid.NewGuid()}/Return")).Status);

        // A post for an unknown child (with a valid form token) changes nothing.
        var form = await worker.GetAsync($"{child}/Missing/Report");
        var before = await CountEpisodesAsync();
        var posted = await worker.SubmitAsync(form, "main form", When(Ago(TimeSpan.FromHours(1))), $"{unknown}/Missing/Report");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Equal(before, await CountEpisodesAsync());

        // Another child's episode cannot be reached through this child's address.
        var other = await CreateChildAsync(worker, "Oriel", "Lowick");
        var otherEpisode = await ReportedAsync(worker, other, Ago(TimeSpan.FromHours(2)));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{child}/Missing/{otherEpisode}/Return")).Status);
    }

    [Fact]
    public async Task Another_agency_without_involvement_can_neither_see_nor_record_episodes()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var child = await CreateChildAsync(outreach, "Sabrina", "Weatherall");
        var id = await ReportedAsync(outreach, child, Ago(TimeSpan.FromHours(4)));

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"{child}/Missing")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"{child}/Missing/Report")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"{child}/Missing/{id}/Return")).Status);

        // Posting straight at the child (with a token from the school lead's own child) is refused too.
        var own = await CreateChildAsync(school, "Pelham", "Weatherall");
        var form = await school.GetAsync($"{own}/Missing/{await ReportedAsync(school, own, Ago(TimeSpan.FromHours(2)))}/Return");
        var posted = await school.SubmitAsync(form, "main form", When(Ago(TimeSpan.FromHours(1))), $"{child}/Missing/{id}/Return");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Null((await StoredEpisodeAsync(id)).ReturnedAtUtc);

        // The board sees no individual records; the outstanding-interviews list is social care's.
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"{child}/Missing")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/Missing/ReturnHomeInterviews")).Status);
        using var police = await BeaconClient.SignedInAsync(Factory, "police.officer@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/Missing/ReturnHomeInterviews")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/Missing/ReturnHomeInterviews?handler=Csv")).Status);
    }

    [Fact]
    public async Task An_auditor_may_see_episodes_but_not_record_them()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Anwen", "Caradoc");
        await ReportedAsync(worker, child, Ago(TimeSpan.FromHours(4)));

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var page = await auditor.GetAsync($"{child}/Missing");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("a[href$='/Return']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"{child}/Missing/Report")).Status);
    }

    [Fact]
    public async Task An_episode_keeps_who_reported_the_police_details_where_the_child_was_found_and_what_the_interview_found()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Rosalind", "Foundling");
        var report = When(Ago(TimeSpan.FromHours(30)));
        report["Details.WhoReported"] = "Foster carer";
        report["Details.PoliceReference"] = "NG-26-00417";
        report["Details.PoliceRiskGrading"] = "High";
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync($"{child}/Missing/Report", "main form", report)).Status);
        var id = (await EpisodeIdsAsync(worker, child)).Single();
        var back = When(Ago(TimeSpan.FromHours(20)));
        back["Details.WhereFound"] = "Takeaway on Mill Street, with two older men";
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync($"{child}/Missing/{id}/Return", "main form", back)).Status);

        // An interview that says nothing of what it found is refused and changes nothing.
        var empty = await InterviewAsync(worker, child, id, Ago(TimeSpan.FromHours(2)), findings: "");
        Assert.Equal("Enter what the interview found: where they were, who with, and what happened", empty.FieldError("Details-Findings"));
        Assert.Null((await StoredEpisodeAsync(id)).ReturnHomeInterviewDoneAtUtc);

        Assert.Equal(HttpStatusCode.Redirect, (await InterviewAsync(worker, child, id, Ago(TimeSpan.FromHours(2)),
            findings: "Was given vodka and driven to a flat in another town", raisesConcern: true)).Status);

        var row = (await worker.GetAsync($"{child}/Missing")).Document.QuerySelector($"tr[data-episode='{id}']")!;
        Assert.Contains("reported by Foster carer", row.TextContent);
        Assert.Contains("Police reference NG-26-00417", row.TextContent);
        Assert.Contains("Police risk: High", row.TextContent);
        Assert.Contains("Found: Takeaway on Mill Street, with two older men", row.TextContent);
        Assert.Contains("Was given vodka and driven to a flat in another town", row.QuerySelector(".beacon-findings")!.TextContent);
        Assert.NotNull(row.QuerySelector(".beacon-interview-concern"));
        var childId = child.Split('/')[^1];
        var raise = row.QuerySelector($"a[href='/Referrals/Create/{childId}?fromEpisode={id}']");
        Assert.NotNull(raise);
        // The concern starts from what the interview found.
        var concern = await worker.GetAsync(raise!.GetAttribute("href")!);
        Assert.Contains("Was given vodka and driven to a flat in another town", concern.Document.QuerySelector("#Concern-WhatWasSeen")!.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/Children/{childId}/RiskAssessments']"));

        var chronology = (await worker.GetAsync($"{child}/Chronology")).Text;
        Assert.Contains("Found: Takeaway on Mill Street", chronology);
        Assert.Contains("police reference NG-26-00417", chronology);
        Assert.Contains("Raised a concern", chronology);
    }

    private Task<int> CountEpisodesAsync() =>
        Factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().MissingEpisodes.CountAsync());

    private Task<MissingEpisode> StoredEpisodeAsync(string id) =>
        Factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().MissingEpisodes.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(id)));
}

public sealed class SqliteMissingEpisodeTests(SqliteBeacon beacon) : MissingEpisodeTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresMissingEpisodeTests(PostgresBeacon beacon) : MissingEpisodeTests(beacon), IClassFixture<PostgresBeacon>;
