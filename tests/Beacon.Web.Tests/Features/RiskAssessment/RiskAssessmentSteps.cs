using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Features.Children;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Tests.Features.RiskAssessment;

/// <summary>What a practitioner does on the risk pages, through HTTP and forms as a browser without JavaScript would.</summary>
internal static class RiskAssessmentSteps
{
    public static Dictionary<string, string> NewChild(string first, string last, bool lookedAfter = false) => new()
    {
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.DateOfBirth.Day"] = "2",
        ["Input.DateOfBirth.Month"] = "5",
        ["Input.DateOfBirth.Year"] = "2011",
        ["Input.Gender"] = "Female",
        ["Input.Ethnicity"] = "NotRecorded",
        ["Input.IsLookedAfter"] = lookedAfter ? "true" : "false",
    };

    /// <summary>Adds a child and returns their id.</summary>
    public static async Task<Guid> CreateChildAsync(BeaconClient client, string first, string last, bool lookedAfter = false)
    {
        var location = await ChildRecordTests.CreateChildAsync(client, NewChild(first, last, lookedAfter));
        return Guid.Parse(location.Split('/').Last());
    }

    /// <summary>Starts an assessment from the child's assessments page and returns its address.</summary>
    public static async Task<string> StartAsync(BeaconClient client, Guid childId)
    {
        var started = await client.SubmitAsync($"/Children/{childId}/RiskAssessments", "#start-form", []);
        Assert.True(started.Status == HttpStatusCode.Redirect, $"Start answered {(int)started.Status}: {string.Join("; ", started.Errors)}");
        Assert.StartsWith("/RiskAssessment/", started.Location);
        return started.Location!;
    }

    /// <summary>Ticks indicators on the screening form (evidence may be empty) and saves; returns the page the save leads to.</summary>
    public static async Task<BeaconClient.PageResponse> TickAsync(BeaconClient client, string assessment, params (string Code, string Agency, string Evidence)[] ticks)
    {
        var page = await client.GetAsync(assessment);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await TickOnAsync(client, page, assessment, ticks);
    }

    public static async Task<BeaconClient.PageResponse> TickOnAsync(BeaconClient client, BeaconClient.PageResponse page, string assessment, params (string Code, string Agency, string Evidence)[] ticks)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (code, agency, evidence) in ticks)
        {
            page.Document.QuerySelector<IHtmlInputElement>($"#tick-{code}")!.IsChecked = true;
            fields[$"Source[{code}]"] = agency;
            fields[$"Evidence[{code}]"] = evidence;
        }
        var saved = await client.SubmitAsync(page, "#indicators-form", fields, assessment);
        return saved.Status == HttpStatusCode.Redirect ? await client.GetAsync(saved.Location!) : saved;
    }

    public static async Task<BeaconClient.PageResponse> SubmitAndFollowAsync(BeaconClient client, string url, string form, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync(url, form, fields);
        return response.Status == HttpStatusCode.Redirect ? await client.GetAsync(response.Location!) : response;
    }

    /// <summary>Opens the check page and confirms what it shows. When the assessment is not ready, the check page itself (with why).</summary>
    public static async Task<BeaconClient.PageResponse> SignOffAsync(BeaconClient client, string assessment)
    {
        var check = await client.GetAsync($"{assessment}/SignOff");
        if (check.Document.QuerySelector("#sign-off-form") is null) return check;
        var signed = await client.SubmitAsync(check, "#sign-off-form", new() { ["Confirmed"] = "true" }, $"{assessment}/SignOff");
        return signed.Status == HttpStatusCode.Redirect ? await client.GetAsync(signed.Location!) : signed;
    }

    public static async Task<Assessment> LoadAsync(BeaconFactory factory, string assessment) =>
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BeaconDbContext>();
            var id = Guid.Parse(assessment.Split('/').Last());
            return await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.Id == id);
        });

    /// <summary>A signed-off assessment of the child with these indicators, all evidenced.</summary>
    public static async Task<string> SignedOffAsync(BeaconClient client, Guid childId, params string[] codes)
    {
        var assessment = await StartAsync(client, childId);
        var page = await TickAsync(client, assessment, codes.Select(c => (c, "Police", $"Seen and recorded: {c}")).ToArray());
        Assert.Empty(page.Errors);
        var signed = await SignOffAsync(client, assessment);
        Assert.Empty(signed.Errors);
        Assert.Equal("Signed off", signed.Document.QuerySelector("#status")!.TextContent.Trim());
        return assessment;
    }

    public static string Level(BeaconClient.PageResponse page, string id = "level") => page.Document.QuerySelector($"#{id}")!.TextContent.Trim();
}
