using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Features.RiskAssessment.RiskAssessmentSteps;

namespace Beacon.Web.Tests.Features.RiskAssessment;

/// <summary>The panel list and the risk views: worked out from signed-off assessments, and only over children the user may see.</summary>
public abstract class RiskViewTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task Signing_off_significant_or_serious_risk_puts_the_child_on_the_panel_list()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var serious = await CreateChildAsync(worker, "Marguerite", "Thistlewood");
        var atRisk = await CreateChildAsync(worker, "Bathsheba", "Everdene");
        var draftOnly = await CreateChildAsync(worker, "Tabitha", "Quenby");

        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        Assert.DoesNotContain("Marguerite Thistlewood", (await chair.GetAsync("/RiskAssessment/Panel")).Text);

        await SignedOffAsync(worker, serious, "police-sexual-offence");
        await SignedOffAsync(worker, atRisk, "going-missing");
        var draft = await StartAsync(worker, draftOnly);
        await TickAsync(worker, draft, ("disclosure", "Police", "Disclosed at interview"));

        var panel = await chair.GetAsync("/RiskAssessment/Panel");
        Assert.Equal(HttpStatusCode.OK, panel.Status);
        var names = panel.Document.QuerySelectorAll("#panel-list tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(names, r => r.Contains("Marguerite Thistlewood") && r.Contains("Serious risk"));
        Assert.DoesNotContain(names, r => r.Contains("Bathsheba Everdene"));
        Assert.DoesNotContain(names, r => r.Contains("Tabitha Quenby"));

        // A lower assessment takes the child off again.
        await SignedOffAsync(worker, serious, "going-missing");
        Assert.DoesNotContain("Marguerite Thistlewood", (await chair.GetAsync("/RiskAssessment/Panel")).Text);

        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/RiskAssessment/Panel")).Status);
    }

    [Fact]
    public async Task The_views_list_unassessed_and_looked_after_serious_children_only_to_those_who_may_see_them()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var unassessed = await CreateChildAsync(outreach, "Lavinia", "Pettigrew");
        var lookedAfter = await CreateChildAsync(outreach, "Drusilla", "Ormsby", lookedAfter: true);
        await SignedOffAsync(outreach, lookedAfter, "disclosure");

        var view = await outreach.GetAsync("/RiskAssessment");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("Lavinia Pettigrew", view.Document.QuerySelector("#needs-assessment")!.TextContent);
        Assert.DoesNotContain("Drusilla Ormsby", view.Document.QuerySelector("#needs-assessment")!.TextContent);
        Assert.Contains("Drusilla Ormsby", view.Document.QuerySelector("#looked-after-serious")!.TextContent);
        Assert.True(int.Parse(view.Document.QuerySelector("#counts tr[data-level=Serious] td:last-child")!.TextContent) >= 1);

        // Filtered to an agency not involved with these children, they drop out.
        var police = await outreach.GetAsync("/RiskAssessment?Agency=Police");
        Assert.DoesNotContain("Lavinia Pettigrew", police.Text);
        Assert.DoesNotContain("Drusilla Ormsby", police.Text);
        var ours = await outreach.GetAsync("/RiskAssessment?Agency=YouthOutreach");
        Assert.Contains("Lavinia Pettigrew", ours.Text);

        // Education is not involved: neither child appears for its safeguarding lead, in any view.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        var theirs = await school.GetAsync("/RiskAssessment");
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.DoesNotContain("Lavinia Pettigrew", theirs.Text);
        Assert.DoesNotContain("Drusilla Ormsby", theirs.Text);
        Assert.DoesNotContain("Drusilla Ormsby", (await school.GetAsync("/RiskAssessment/Panel")).Text);
    }

    [Fact]
    public async Task The_demo_children_have_no_assessment_and_are_listed_by_team()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var byTeam = await worker.GetAsync("/RiskAssessment?Team=Front+door");
        Assert.NotEmpty(byTeam.Document.QuerySelectorAll("#needs-assessment tbody tr"));
        var otherTeam = await worker.GetAsync("/RiskAssessment?Team=No+such+team");
        Assert.Null(otherTeam.Document.QuerySelector("#needs-assessment"));
    }

    [Fact]
    public async Task The_whole_panel_list_downloads_as_csv_with_formulas_kept_as_text_and_the_download_audited()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await RiskAssessmentSteps.CreateChildAsync(worker, "=HYPERLINK(\"http://example.invalid\")", "Quarrendon");
        await RiskAssessmentSteps.SignedOffAsync(worker, child, Beacon.Core.RiskAssessment.IndicatorCatalogue.Disclosure);

        var page = await worker.GetAsync("/RiskAssessment/Panel");
        Assert.Equal("/RiskAssessment/Panel?handler=Csv", page.Document.QuerySelector("#download-csv")!.GetAttribute("href"));
        using var response = await worker.Http.GetAsync("/RiskAssessment/Panel?handler=Csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Child,Date of birth,Level", lines[0].TrimStart('\uFEFF'));
        var row = Assert.Single(lines, l => l.Contains("Quarrendon"));
        // The name is escaped so a spreadsheet shows it as text rather than running it.
        Assert.DoesNotContain(",=HYPERLINK", row);
        Assert.False(row.StartsWith("=") || row.StartsWith("\"="), row);
        Assert.Contains("Serious risk", row);
        // Every child on the list is in the file, not only the first page.
        Assert.Equal(int.Parse(page.Document.QuerySelector("#panel-heading")!.TextContent.Split(' ')[0]), lines.Length - 1);

        var audited = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>()
            .AuditEntries.CountAsync(e => e.EntityType == "PanelList" && e.Action == Beacon.Core.Audit.AuditAction.Exported && e.Summary!.Contains("CSV")));
        Assert.True(audited > 0);
    }

    [Fact]
    public async Task Overdue_assessments_are_red_tags_on_the_panel_list_and_the_risk_overview()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        foreach (var url in new[] { "/RiskAssessment/Panel", "/RiskAssessment" })
        {
            var page = await worker.GetAsync(url);
            var overdue = page.Document.QuerySelectorAll("td strong").Where(s => s.TextContent.StartsWith("Overdue", StringComparison.Ordinal)).ToList();
            Assert.True(overdue.Count > 0, $"{url} shows no overdue assessment in the demo");
            Assert.All(overdue, s => Assert.Contains("govuk-tag--red", s.ClassName));
        }
    }

    [Fact]
    public async Task Children_needing_an_assessment_sort_by_name_or_by_how_serious_in_the_database_and_a_made_up_order_is_refused()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var byName = await worker.GetAsync("/RiskAssessment?Sort=Name");
        var names = byName.Document.QuerySelectorAll("#needs-assessment tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.True(names.Count > 1, "the demo has children needing an assessment");
        var lastNames = names.Select(n => n.Split(' ')[^1]).ToList();
        Assert.Equal(lastNames.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), lastNames, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Name", byName.Document.QuerySelector("#Sort option[selected]")?.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/RiskAssessment?Sort=MostSerious")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync("/RiskAssessment?Sort=Sideways")).Status);
    }

    [Fact]
    public async Task The_risk_lists_see_exactly_the_children_the_record_access_rule_lets_each_person_see()
    {
        // A restricted record, seen only by the manager who restricted it (the lists read it through the grants).
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var location = await Features.Children.ChildRecordTests.CreateChildAsync(manager, new()
        {
            ["Input.FirstName"] = "Isolde", ["Input.LastName"] = "Farrowdale",
            ["Input.DateOfBirth.Day"] = "3", ["Input.DateOfBirth.Month"] = "4", ["Input.DateOfBirth.Year"] = "2012",
            ["Input.Gender"] = "Female", ["Input.Ethnicity"] = "Refused",
            ["Input.Organisations"] = DemoWorld.Organisation(Beacon.Web.Infrastructure.Data.DemoData.Org.Police).ToString(),
        });
        // At serious risk, so the panel's list holds them too (its part-by-part count and pages are checked below).
        await RiskAssessmentSteps.SignedOffAsync(manager, Guid.Parse(location.Split('/').Last()), "police-sexual-offence");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await manager.SubmitAsync(location + "/Access", "#restriction-form", [])).Status);

        // A Northgate child placed in Southvale and then brought home: Southvale's council stays involved, outside its
        // own area, and its social workers still see the child (the lists read those from OutsideAreaInvolvements).
        using var northgate = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var outside = await Features.Children.ChildRecordTests.CreateChildAsync(northgate, new()
        {
            ["Input.FirstName"] = "Peregrine", ["Input.LastName"] = "Oakhanger",
            ["Input.DateOfBirth.Day"] = "9", ["Input.DateOfBirth.Month"] = "10", ["Input.DateOfBirth.Year"] = "2010",
            ["Input.Gender"] = "Male", ["Input.Ethnicity"] = "Refused",
        });
        await RiskAssessmentSteps.SignedOffAsync(northgate, Guid.Parse(outside.Split('/').Last()), "police-sexual-offence");
        var placed = await northgate.SubmitAsync(outside + "/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Children's home", ["Input.PlacedOutOfArea"] = "true",
            ["Input.HostAreaId"] = DemoWorld.Southvale.ToString(),
        });
        Assert.True(placed.Status == System.Net.HttpStatusCode.Redirect, string.Join("; ", placed.Errors));
        var home = await northgate.SubmitAsync(outside + "/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "false", ["Input.Placement"] = "", ["Input.PlacedOutOfArea"] = "false", ["Input.HostAreaId"] = "",
        });
        Assert.True(home.Status == System.Net.HttpStatusCode.Redirect, string.Join("; ", home.Errors));
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await southvale.GetAsync(outside)).Status);
        var outsideId = Guid.Parse(outside.Split('/').Last());

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
            var principals = sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Beacon.Web.Infrastructure.Identity.BeaconUser>>();
            var records = sp.GetRequiredService<Beacon.Web.Features.Children.ChildRecords>();
            var overview = sp.GetRequiredService<Beacon.Web.Features.RiskAssessment.RiskOverview>();
            var lists = sp.GetRequiredService<Beacon.Web.Features.Panel.PanelLists>();
            var panelChildren = new HashSet<Guid>();
            var checkedPeople = 0;
            foreach (var user in await db.Users.OrderBy(u => u.Email).ToListAsync())
            {
                var principal = await principals.CreateAsync(user);
                var byRule = (await records.VisibleTo(principal).Select(c => c.Id).ToListAsync()).Order().ToList();
                var byParts = (await overview.VisiblePositions(principal).Select(p => p.ChildId).ToListAsync()).Order().ToList();
                // The same children, each once: the parts never overlap.
                Assert.True(byRule.SequenceEqual(byParts), $"{user.Email}: the rule shows {byRule.Count} children, the risk lists {byParts.Count} " +
                    $"(missing {string.Join(", ", byRule.Except(byParts).Take(3))}; extra {string.Join(", ", byParts.Except(byRule).Take(3))})");
                // And as one condition on each position (the panel's list by risk).
                var bySeenBy = (await db.Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>()
                    .Where(overview.SeenBy(Beacon.Web.Infrastructure.Identity.BeaconClaims.ToActor(principal))).Select(p => p.ChildId).ToListAsync()).Order().ToList();
                Assert.True(byRule.SequenceEqual(bySeenBy), $"{user.Email}: the rule shows {byRule.Count} children, SeenBy {bySeenBy.Count}");
                // The panel's list, counted and paged part by part, against the whole list asked of the rule in one query.
                var actor = Beacon.Web.Infrastructure.Identity.BeaconClaims.ToActor(principal);
                var whole = lists.List(actor);
                foreach (var order in Enum.GetValues<Beacon.Web.Features.Panel.PanelListOrder>())
                {
                    var page = await lists.PageAsync(actor, 1, default, order);
                    var expected = await (order switch
                    {
                        Beacon.Web.Features.Panel.PanelListOrder.Name => whole.OrderBy(r => r.SortName),
                        Beacon.Web.Features.Panel.PanelListOrder.LongestListed => whole.OrderBy(r => r.ListedSinceUtc),
                        _ => whole.OrderByDescending(r => r.Level).ThenBy(r => r.SortName),
                    }).ThenBy(r => r.ChildId).Select(r => r.ChildId).Take(Beacon.Web.Features.Panel.PanelLists.PageSize).ToListAsync();
                    Assert.Equal(await whole.CountAsync(), page.Total);
                    Assert.Equal(expected, page.Items.Select(r => r.ChildId).ToList());
                }
                panelChildren.UnionWith(await whole.Select(r => r.ChildId).ToListAsync());
                checkedPeople++;
            }
            Assert.True(checkedPeople >= 10);
            // Both children the parts beyond an area's own hold are on someone's panel list.
            Assert.Contains(outsideId, panelChildren);
            Assert.Contains(Guid.Parse(location.Split('/').Last()), panelChildren);
            Assert.True(await db.Set<Beacon.Web.Features.Children.OutsideAreaInvolvement>().AnyAsync(o => o.ChildId == outsideId
                && o.OrganisationId == DemoWorld.Organisation(Beacon.Web.Infrastructure.Data.DemoData.Org.SouthvaleSocialCare)));
            return 0;
        });
    }

    [Fact]
    public async Task A_save_about_a_child_loaded_before_a_restriction_does_not_unrestrict_their_risk_position()
    {
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var location = await Features.Children.ChildRecordTests.CreateChildAsync(manager, new()
        {
            ["Input.FirstName"] = "Ottoline", ["Input.LastName"] = "Brackenbury",
            ["Input.DateOfBirth.Day"] = "5", ["Input.DateOfBirth.Month"] = "5", ["Input.DateOfBirth.Year"] = "2011",
            ["Input.Gender"] = "Female", ["Input.Ethnicity"] = "Refused",
        });
        var childId = Guid.Parse(location.Split('/').Last());
        await Factory.WithScopeAsync(async sp =>
        {
            // One request loads the child (as a page does before saving a referral about them) ...
            var db = sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
            var child = await db.Children.Include(c => c.Involvements).SingleAsync(c => c.Id == childId);
            // ... another restricts the record meanwhile ...
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await manager.SubmitAsync(location + "/Access", "#restriction-form", [])).Status);
            // ... and the first then saves a referral, which works the child's risk position out again.
            var outreachId = await db.Users.Where(u => u.Email == "outreach@beacon.test").Select(u => u.Id).SingleAsync();
            var outreach = DemoWorld.ActorOf(outreachId, "Outreach worker", Beacon.Core.Access.Agency.YouthOutreach, [Beacon.Core.Access.BeaconRoles.OutreachWorker]);
            db.Add(Beacon.Core.Referrals.Referral.Raise(child, outreach, "Seen with older men (fictional)", DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1),
                Beacon.Core.Referrals.SharingBasis.ConsentGiven));
            await db.SaveChangesAsync();
            return 0;
        });
        var restricted = await Factory.WithScopeAsync(sp => sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>()
            .Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>().Where(p => p.ChildId == childId).Select(p => p.IsRestricted).SingleAsync());
        Assert.True(restricted, "the position kept the restriction made after the child was loaded");
    }

    /// <summary>The statutory clocks carry their child's areas for the breaches lists: from the database, not from a stale load.</summary>
    [Fact]
    public async Task A_save_about_a_child_loaded_before_a_placement_gives_its_clock_the_childs_new_area()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await Features.Children.ChildRecordTests.CreateChildAsync(worker, new()
        {
            ["Input.FirstName"] = "Leofric", ["Input.LastName"] = "Wimbourne",
            ["Input.DateOfBirth.Day"] = "7", ["Input.DateOfBirth.Month"] = "3", ["Input.DateOfBirth.Year"] = "2012",
            ["Input.Gender"] = "Male", ["Input.Ethnicity"] = "Refused",
        });
        var childId = Guid.Parse(location.Split('/').Last());
        var referralId = await Factory.WithScopeAsync(async sp =>
        {
            // One request loads the child ...
            var db = sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
            var child = await db.Children.Include(c => c.Involvements).SingleAsync(c => c.Id == childId);
            // ... another places them in Southvale meanwhile ...
            var placed = await worker.SubmitAsync(location + "/Edit", "main form", new()
            {
                ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Children's home", ["Input.PlacedOutOfArea"] = "true",
                ["Input.HostAreaId"] = DemoWorld.Southvale.ToString(),
            });
            Assert.True(placed.Status == System.Net.HttpStatusCode.Redirect, string.Join("; ", placed.Errors));
            // ... and the first then saves a referral, whose decision clock carries the child's areas.
            var outreachId = await db.Users.Where(u => u.Email == "outreach@beacon.test").Select(u => u.Id).SingleAsync();
            var outreach = DemoWorld.ActorOf(outreachId, "Outreach worker", Beacon.Core.Access.Agency.YouthOutreach, [Beacon.Core.Access.BeaconRoles.OutreachWorker]);
            var referral = Beacon.Core.Referrals.Referral.Raise(child, outreach, "Seen with older men (fictional)", DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1),
                Beacon.Core.Referrals.SharingBasis.ConsentGiven);
            db.Add(referral);
            await db.SaveChangesAsync();
            return referral.Id;
        });
        var host = await Factory.WithScopeAsync(sp => sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>()
            .Set<Beacon.Web.Features.Timescales.StatutoryClock>().Where(k => k.RecordId == referralId).Select(k => k.HostAreaId).SingleAsync());
        Assert.Equal(DemoWorld.Southvale, host);
    }
}

/// <summary>Reassessment falls due by level and at once when something happens after sign-off.</summary>
public abstract class ReassessmentDueTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task A_new_missing_episode_after_sign_off_makes_the_assessment_overdue()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Griselda", "Hawtrey");
        await SignedOffAsync(worker, child, "going-missing");

        var history = await worker.GetAsync($"/Children/{child}/RiskAssessments");
        var due = history.Document.QuerySelector("#due")!.TextContent;
        Assert.StartsWith("Due by", due);
        Assert.Contains(DateTime.UtcNow.AddMonths(6).ToString("d MMM yyyy"), due);
        Assert.DoesNotContain("Griselda Hawtrey", (await worker.GetAsync("/RiskAssessment")).Document.QuerySelector("#needs-assessment")?.TextContent ?? "");

        await Factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
            var record = await db.Children.Include(c => c.Involvements).SingleAsync(c => c.Id == child);
            db.MissingEpisodes.Add(Beacon.Core.Missing.MissingEpisode.Report(record, DateTime.UtcNow, Beacon.Web.Infrastructure.Identity.BeaconClaims.SystemActor, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        history = await worker.GetAsync($"/Children/{child}/RiskAssessments");
        Assert.Contains("Overdue since", history.Document.QuerySelector("#due")!.TextContent);
        Assert.Contains("new missing episode", history.Document.QuerySelector("#due")!.TextContent);
        Assert.Contains("Griselda Hawtrey", (await worker.GetAsync("/RiskAssessment")).Document.QuerySelector("#needs-assessment")!.TextContent);
    }
}

public sealed class SqliteRiskViewTests(SqliteBeacon beacon) : RiskViewTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresRiskViewTests(PostgresBeacon beacon) : RiskViewTests(beacon), IClassFixture<PostgresBeacon>;

public sealed class SqliteReassessmentDueTests(SqliteBeacon beacon) : ReassessmentDueTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresReassessmentDueTests(PostgresBeacon beacon) : ReassessmentDueTests(beacon), IClassFixture<PostgresBeacon>;
