using Microsoft.EntityFrameworkCore;
using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Beacon.Web.Features.Children;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Children;

/// <summary>The child's record as the hub: each capability's section, found as a plug-in, with its links.</summary>
public abstract class ChildRecordSectionTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task The_record_shows_the_open_referral_then_the_case_risk_missing_and_panel_status_with_links()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, worker, "Tamsin", "Hubward");
        var childId = (await ReferralAsync(Factory, referralId)).ChildId;

        var record = await worker.GetAsync($"/Children/{childId}");
        var open = record.Document.QuerySelector("#section-referrals #referrals-open")!;
        Assert.Contains("Awaiting decision", open.TextContent);
        Assert.NotNull(record.Document.QuerySelector($"#section-referrals a[href='/Referrals/{referralId}']"));
        Assert.Contains("No case has been opened", record.Document.QuerySelector("#case-stage")!.TextContent);
        Assert.Equal("Not assessed", record.Document.QuerySelector("#risk-level")!.TextContent.Trim());
        Assert.Contains("govuk-tag--red", record.Document.QuerySelector("#risk-due strong")!.ClassName);
        Assert.Contains("Not on the panel's list", record.Document.QuerySelector("#panel-status")!.TextContent);
        Assert.Equal("No", record.Document.QuerySelector("#missing-now")!.TextContent.Trim());
        Assert.NotNull(record.Document.QuerySelector($"#section-missing a[href='/Children/{childId}/Missing/Report']"));
        // Sections come in the order their capabilities ask for.
        Assert.Equal(["section-case", "section-referrals", "section-notes", "section-risk", "section-missing", "section-panel"],
            record.Document.QuerySelectorAll(".govuk-summary-card").Select(s => s.Id!).ToArray());

        var caseId = await DecideToOpenCaseAsync(Factory, worker, referralId);
        record = await worker.GetAsync($"/Children/{childId}");
        Assert.Contains("Referral (case opened", record.Document.QuerySelector("#case-stage")!.TextContent);
        Assert.NotNull(record.Document.QuerySelector($"#section-case a[href='/Cases/{caseId}']"));
        Assert.Contains("None", record.Document.QuerySelector("#referrals-open")!.TextContent);
        Assert.Contains("Strategy discussion on", record.Document.QuerySelector("#referrals-last")!.TextContent);
        Assert.Equal("1", record.Document.QuerySelector("#referrals-total")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_print_view_has_the_details_every_section_and_the_whole_chronology_and_is_audited()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, worker, "Perdita", "Printwell");
        var childId = (await ReferralAsync(Factory, referralId)).ChildId;

        var print = await worker.GetAsync($"/Children/{childId}/Print");
        Assert.Equal(System.Net.HttpStatusCode.OK, print.Status);
        Assert.NotNull(print.Document.QuerySelector("#child-details"));
        Assert.NotNull(print.Document.QuerySelector("#section-referrals"));
        Assert.Contains("Referral from", print.Document.QuerySelector("#chronology")!.TextContent);
        Assert.Contains("OFFICIAL-SENSITIVE", print.Text);
        Assert.Contains("Viewed child's record and chronology, for printing",
            await WithDbAsync(Factory, db => db.AuditEntries.Where(e => e.ChildId == childId).Select(e => e.Summary).ToListAsync()));

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await school.GetAsync($"/Children/{childId}/Print")).Status);
    }

    [Fact]
    public async Task Someone_who_may_not_change_the_record_is_not_offered_to_raise_a_concern_or_report_missing()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, worker, "Oriane", "Hubward");
        var childId = (await ReferralAsync(Factory, referralId)).ChildId;

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var record = await auditor.GetAsync($"/Children/{childId}");
        Assert.NotNull(record.Document.QuerySelector("#section-referrals"));
        Assert.Null(record.Document.QuerySelector($"a[href='/Referrals/Create/{childId}']"));
        Assert.Null(record.Document.QuerySelector($"a[href='/Children/{childId}/Missing/Report']"));
        Assert.Null(record.Document.QuerySelector("a[href='/RiskAssessment/Panel']"));
    }
}

public sealed class SqliteChildRecordSectionTests(SqliteBeacon beacon) : ChildRecordSectionTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresChildRecordSectionTests(PostgresBeacon beacon) : ChildRecordSectionTests(beacon), IClassFixture<PostgresBeacon>;

/// <summary>The extension point itself: a capability adds a class, and the record page finds it.</summary>
public sealed class ChildRecordSectionPlugInTests
{
    [Fact]
    public void Every_section_in_Beacon_is_registered_without_being_named_at_start_up()
    {
        var services = new ServiceCollection();
        ChildRecordServices.Add(services);
        var registered = services.Where(d => d.ServiceType == typeof(IChildRecordSection)).Select(d => d.ImplementationType!.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "CaseRecordSection", "ReferralRecordSection", "RiskRecordSection", "MissingRecordSection", "PanelRecordSection", "CaseNoteRecordSection" }, registered);
    }

    [Fact]
    public async Task Sections_are_shown_in_their_order_and_a_section_with_nothing_to_say_is_left_out()
    {
        var sections = new ChildRecordSections([new Fixed(300, "late"), new Fixed(100, "early"), new Fixed(200, null)]);
        var context = new ChildRecordContext(null!, new Actor("u", "U", Agency.ChildrensSocialCare, new HashSet<string>()), false, DateTime.UtcNow);
        var shown = await sections.ForAsync(context, CancellationToken.None);
        Assert.Equal(["early", "late"], shown.Select(s => s.Id));
    }

    private sealed class Fixed(int order, string? id) : IChildRecordSection
    {
        public int Order => order;
        public Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct) =>
            Task.FromResult(id is null ? null : new ChildRecordSection(id, id, []));
    }
}
