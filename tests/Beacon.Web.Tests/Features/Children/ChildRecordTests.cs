using Beacon.Web.Infrastructure.Data;
using System.Net;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Features.Children;

/// <summary>Creating, finding, viewing and changing a child's record through the real HTTP pipeline.</summary>
public abstract class ChildRecordTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private static Dictionary<string, string> NewChild(string first = "Testchild", string last = "Zebedee", string day = "14", string month = "3", string year = "2012") => new()
    {
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.DateOfBirth.Day"] = day,
        ["Input.DateOfBirth.Month"] = month,
        ["Input.DateOfBirth.Year"] = year,
        ["Input.Gender"] = "Female",
        ["Input.Ethnicity"] = "NotRecorded",
    };

    internal static async Task<string> CreateChildAsync(BeaconClient client, Dictionary<string, string> fields)
    {
        var created = await client.SubmitAsync("/Children/Create", "main form", fields);
        Assert.True(created.Status == HttpStatusCode.Redirect, string.Join("; ", created.Errors));
        return created.Location!;
    }

    [Fact]
    public async Task Signed_out_people_are_sent_to_sign_in()
    {
        using var client = BeaconClient.For(Factory);
        var page = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Account/Login", page.Location);
    }

    [Fact]
    public async Task A_practitioner_creates_a_child_finds_them_by_alias_and_sees_the_record()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var fields = NewChild("Quillon", "Farthingale");
        var location = await CreateChildAsync(client, new(fields) { ["Alias"] = "Quill" });

        var record = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, record.Status);
        Assert.Contains("Quillon Farthingale", record.Document.QuerySelector("h1")!.TextContent);
        // Involved: the outreach worker's own project; responsible: the local authority their project serves.
        Assert.Contains(DemoData.Org.YouthProject, record.Document.QuerySelector("#organisations")!.TextContent);
        Assert.Equal(DemoData.Northgate, record.Document.QuerySelector("#responsible-area")!.TextContent.Trim());

        var search = await client.GetAsync("/Children?Name=quill");
        var link = search.Document.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(location, link);
        var byDate = await client.GetAsync("/Children?DateOfBirth.Day=14&DateOfBirth.Month=3&DateOfBirth.Year=2012&Name=farth");
        Assert.Contains(location, byDate.Document.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("", "Zebedee", "14", "3", "2012", "Input-FirstName", "Enter the child's first name")]
    [InlineData("Ann", "Zebedee", "31", "2", "2012", "Input-DateOfBirth", "The date of birth must be a real date")]
    [InlineData("Ann", "Zebedee", "1", "1", "2099", "Input-DateOfBirth", "Date of birth must be in the past")]
    [InlineData("Ann", "Zebedee", "", "", "", "Input-DateOfBirth", "Enter the date of birth")]
    [InlineData("Ann", "Zebedee", "1", "1", "1950", "Input-DateOfBirth", "Date of birth must be for someone aged 25 or under")]
    public async Task Bad_input_gets_a_message_beside_the_field_and_saves_nothing(string first, string last, string day, string month, string year, string field, string message)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var before = await CountChildrenAsync();
        var page = await client.SubmitAsync("/Children/Create", "main form", NewChild(first, last, day, month, year));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.Contains(message, page.Errors);
        Assert.Equal(before, await CountChildrenAsync());
    }

    [Fact]
    public async Task The_error_summary_lists_problems_in_page_order_and_each_link_lands_on_a_field()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await client.SubmitAsync("/Children/Create", "main form", new()
        {
            ["Input.FirstName"] = "", ["Input.LastName"] = "", ["Input.DateOfBirth.Day"] = "", ["Input.DateOfBirth.Month"] = "",
            ["Input.DateOfBirth.Year"] = "", ["Input.Gender"] = "", ["Input.Ethnicity"] = "",
        });
        Assert.Equal(["Enter the child's first name", "Enter the child's last name", "Enter the date of birth",
            "Select the child's gender, or 'Not recorded'", "Select the child's ethnicity, or 'Not recorded' or 'Refused'"], page.Errors);
        foreach (var link in page.Document.QuerySelectorAll(".govuk-error-summary__list a"))
        {
            var target = page.Document.GetElementById(link.GetAttribute("href")!.TrimStart('#'));
            Assert.True(target?.LocalName is "input" or "select" or "textarea", $"{link.GetAttribute("href")} does not land on a field");
        }
    }

    [Fact]
    public async Task An_over_long_name_is_refused()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await client.SubmitAsync("/Children/Create", "main form", NewChild(new string('a', 101)));
        Assert.Equal("The first name must be 100 characters or fewer", page.FieldError("Input-FirstName"));
    }

    [Theory]
    [InlineData("/Children/not-a-guid")]
    [InlineData("/Children/00000000-0000-0000-0000-000000000001")]
    [InlineData("/Children/00000000-0000-0000-0000-000000000001/Edit")]
    public async Task Malformed_or_unknown_ids_are_not_found(string url)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text);
    }

    [Fact]
    public async Task Another_agency_without_involvement_cannot_see_or_find_the_child()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var location = await CreateChildAsync(outreach, NewChild("Marigold", "Sprocket"));

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(location)).Status);
        // The refused attempt is on the child's audit trail, as a view would be.
        var childId = Guid.Parse(location.Split('/').Last());
        Assert.True(await Factory.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>().AuditEntries,
            e => e.ChildId == childId && e.Action == Beacon.Core.Audit.AuditAction.AccessRefused)));
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(location + "/Edit")).Status);
        var search = await school.GetAsync("/Children?Name=Sprocket");
        Assert.Empty(search.Document.QuerySelectorAll("table a"));

        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(location)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/Children?Name=Sprocket")).Status);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_newer_version_kept()
    {
        using var first = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        using var second = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var location = await CreateChildAsync(first, NewChild("Ottoline", "Brackwater"));

        var firstForm = await first.GetAsync(location + "/Edit");
        var secondForm = await second.GetAsync(location + "/Edit");
        var saved = await first.SubmitAsync(firstForm, "main form", new() { ["Input.School"] = "First Academy (fictional)" }, location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var refused = await second.SubmitAsync(secondForm, "main form", new() { ["Input.School"] = "Second College (fictional)" }, location + "/Edit");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#conflict"));
        Assert.Contains("Someone else changed this record", refused.Text);
        // Both values are shown, and the person's own stays in the form.
        var differences = refused.Document.QuerySelector("#differences")!.TextContent;
        Assert.Contains("First Academy (fictional)", differences);
        Assert.Contains("Second College (fictional)", differences);
        Assert.Equal("Second College (fictional)", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#Input-School")!).Value);

        // Pressing Save again without choosing saves nothing: the other person's change is never silently reverted.
        var again = await second.SubmitAsync(refused, "main form", [], location + "/Edit");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.NotNull(again.Document.QuerySelector("#differences"));
        Assert.Contains("First Academy (fictional)", (await first.GetAsync(location)).Text);

        // Choosing to keep theirs leaves the record as it is.
        var kept = await second.SubmitAsync(again, "main form", new() { ["Resolution"] = "Theirs" }, location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, kept.Status);
        var record = await first.GetAsync(location);
        Assert.Contains("First Academy (fictional)", record.Text);
        Assert.DoesNotContain("Second College (fictional)", record.Text);

        // Choosing theirs-over-mine, having seen both, saves.
        var overwritten = await second.SubmitAsync(again, "main form", new() { ["Resolution"] = "Mine" }, location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, overwritten.Status);
        Assert.Contains("Second College (fictional)", (await first.GetAsync(location)).Text);
    }

    [Fact]
    public async Task Saving_over_a_conflict_keeps_the_other_persons_changes_to_fields_this_person_left_alone()
    {
        using var first = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        using var second = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var location = await CreateChildAsync(first, NewChild("Theodora", "Wrenfield"));
        var firstForm = await first.GetAsync(location + "/Edit");
        var secondForm = await second.GetAsync(location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, "main form", new() { ["Input.School"] = "Harbourside Academy (fictional)" }, location + "/Edit")).Status);

        var conflict = await second.SubmitAsync(secondForm, "main form", new() { ["Input.LastName"] = "Wrenfield-Ashby" }, location + "/Edit");
        var rows = conflict.Document.QuerySelectorAll("#differences tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("School or college") && r.Contains("Harbourside Academy (fictional)"));
        Assert.Contains(rows, r => r.Contains("Last name") && r.Contains("Wrenfield-Ashby"));
        Assert.Equal(2, rows.Count);

        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(conflict, "main form", new() { ["Resolution"] = "Mine" }, location + "/Edit")).Status);
        var record = await first.GetAsync(location);
        Assert.Contains("Theodora Wrenfield-Ashby", record.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Harbourside Academy (fictional)", record.Text);
    }

    [Fact]
    public async Task Only_an_auditor_sees_who_viewed_and_changed_the_record()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await CreateChildAsync(worker, NewChild("Peregrine", "Ashcombe"));
        await worker.GetAsync(location);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(location + "/AccessHistory")).Status);

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var history = await auditor.GetAsync(location + "/AccessHistory");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        var rows = history.Document.QuerySelectorAll("#access-history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Viewed") && r.Contains("child's record"));
        Assert.Contains(rows, r => r.Contains("Created") && r.Contains("Peregrine"));
    }

    private Task<int> CountChildrenAsync() => Factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Children);
    });
}

public sealed class SqliteChildRecordTests(SqliteBeacon beacon) : ChildRecordTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresChildRecordTests(PostgresBeacon beacon) : ChildRecordTests(beacon), IClassFixture<PostgresBeacon>;
