using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Features.Shared;

/// <summary>
/// Short lists shown whole sort in the browser (the MOJ sortable table). It sorts a column by each cell's
/// data-sort-value, else by the cell's HTML, so a cell holding a link or a tag must carry its value (a link's HTML
/// sorts by its address), and a date must carry a value that sorts as a date.
/// </summary>
public sealed class SortableTableTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Theory]
    [InlineData("board.member@beacon.test", "/Reports")]
    [InlineData("panel.chair@beacon.test", "/Panel/Meetings")]
    [InlineData("independent.chair@beacon.test", "/Concerns")]
    [InlineData("social.worker@beacon.test", "/Cases/{case with actions}/Actions")]
    [InlineData("panel.chair@beacon.test", "/Panel/Members")]
    [InlineData("social.worker@beacon.test", "/Children?Name=a")]
    [InlineData("social.worker@beacon.test", "/Children/{child with assessments}/RiskAssessments")]
    [InlineData("social.worker@beacon.test", "/Children/{child with missing episodes}/Missing")]
    [InlineData("admin@beacon.test", "/Admin/Organisations")]
    public async Task Every_sortable_column_sorts_by_a_value_not_by_markup(string login, string url)
    {
        var factory = beacon.Require();
        using var client = await BeaconClient.SignedInAsync(factory, login);
        if (url.Contains("{child with assessments}"))
        {
            var childId = await RiskAssessment.RiskAssessmentSteps.CreateChildAsync(client, "Sortable", "Assessmenthistory");
            await RiskAssessment.RiskAssessmentSteps.SignedOffAsync(client, childId, "going-missing");
            await RiskAssessment.RiskAssessmentSteps.StartAsync(client, childId);
            url = url.Replace("{child with assessments}", childId.ToString());
        }
        if (url.Contains("{child with missing episodes}"))
        {
            var record = await Children.ChildRecordTests.CreateChildAsync(client, RiskAssessment.RiskAssessmentSteps.NewChild("Sortable", "Missingtwice"));
            var now = DateTime.UtcNow;
            await Missing.MissingSteps.EpisodeAsync(client, record, now.AddDays(-9), TimeSpan.FromHours(20));
            await Missing.MissingSteps.EpisodeAsync(client, record, now.AddDays(-3), TimeSpan.FromHours(6));
            url = url.Replace("/Children/{child with missing episodes}", record);
        }
        if (url.Contains("{case with actions}"))
        {
            // A case with an action agreed on it, as a worker agrees one.
            var referral = await Referrals.ReferralSteps.RaiseForNewChildAsync(factory, client, "Sortable", "Actionlist");
            var caseId = await Referrals.ReferralSteps.DecideToOpenCaseAsync(factory, client, referral);
            url = url.Replace("{case with actions}", caseId.ToString());
            var owner = await factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Users
                .Where(u => u.Email == "team.manager@beacon.test").Select(u => u.Id).SingleAsync());
            var due = Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow).AddDays(5);
            var agreed = await client.SubmitAsync(url, "#agree-action", new()
            {
                ["Input.Source"] = nameof(Core.Actions.ActionSource.StrategyDiscussion), ["Input.Description"] = "Visit at home and see her alone",
                ["Input.Owner"] = owner, ["Input.DueOn.Day"] = due.Day.ToString(), ["Input.DueOn.Month"] = due.Month.ToString(), ["Input.DueOn.Year"] = due.Year.ToString(),
            });
            Assert.True(agreed.Status == System.Net.HttpStatusCode.Redirect, string.Join("; ", agreed.Errors));
        }
        var page = await client.GetAsync(url);
        var table = page.Document.QuerySelector("table[data-module='moj-sortable-table']");
        Assert.NotNull(table);
        var headers = table.QuerySelectorAll("thead th").ToList();
        var sortable = headers.Select((h, i) => (h, i)).Where(x => x.h.HasAttribute("aria-sort")).Select(x => x.i).ToList();
        Assert.NotEmpty(sortable);
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var cells = row.Children.ToList();
            foreach (var i in sortable)
            {
                var cell = cells[i];
                var looksLikeADate = System.Text.RegularExpressions.Regex.IsMatch(cell.TextContent, @"\b\d{1,2} [A-Z][a-z]{2,8} \d{4}\b");
                Assert.True(cell.HasAttribute("data-sort-value") || (cell.Children.Length == 0 && !looksLikeADate),
                    $"{url}: column \"{headers[i].TextContent.Trim()}\" sorts by markup or by a date's words: {cell.OuterHtml}");
            }
        }
    }
}
