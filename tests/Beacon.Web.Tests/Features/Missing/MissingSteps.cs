using System.Globalization;
using System.Net;
using Beacon.Core.Timescales;
using Beacon.Web.Tests.Features.Children;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Features.Missing;

/// <summary>Recording missing episodes through the pages, as a practitioner would.</summary>
internal static class MissingSteps
{
    public static Dictionary<string, string> NewChild(string first, string last) => new()
    {
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.DateOfBirth.Day"] = "9",
        ["Input.DateOfBirth.Month"] = "6",
        ["Input.DateOfBirth.Year"] = "2011",
        ["Input.Gender"] = "Female",
        ["Input.Ethnicity"] = "NotRecorded",
    };

    public static Task<string> CreateChildAsync(BeaconClient client, string first, string last) =>
        ChildRecordTests.CreateChildAsync(client, NewChild(first, last));

    /// <summary>The form fields for a moment, typed as the UK wall-clock time (to the minute).</summary>
    public static Dictionary<string, string> When(DateTime utc)
    {
        var local = UkTime.ToUkLocal(utc);
        return new()
        {
            ["Input.Date.Day"] = local.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.Date.Month"] = local.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = local.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    public static DateTime Ago(TimeSpan span) => DateTime.UtcNow - span;

    public static Task<BeaconClient.PageResponse> ReportAsync(BeaconClient client, string child, DateTime atUtc) =>
        client.SubmitAsync($"{child}/Missing/Report", "main form", When(atUtc));

    public static Task<BeaconClient.PageResponse> ReturnAsync(BeaconClient client, string child, string episodeId, DateTime atUtc) =>
        client.SubmitAsync($"{child}/Missing/{episodeId}/Return", "main form", When(atUtc));

    public static Task<BeaconClient.PageResponse> InterviewAsync(BeaconClient client, string child, string episodeId, DateTime atUtc,
        string findings = "Said she stayed at a friend's house in town", bool raisesConcern = false)
    {
        var fields = When(atUtc);
        fields["Details.Findings"] = findings;
        fields["Details.RaisesConcern"] = raisesConcern ? "True" : "False";
        return client.SubmitAsync($"{child}/Missing/{episodeId}/Interview", "main form", fields);
    }

    /// <summary>Reports the child missing and returns the new episode's id (the newest on the list).</summary>
    public static async Task<string> ReportedAsync(BeaconClient client, string child, DateTime atUtc)
    {
        var before = await EpisodeIdsAsync(client, child);
        var reported = await ReportAsync(client, child, atUtc);
        Assert.True(reported.Status == HttpStatusCode.Redirect, string.Join("; ", reported.Errors));
        return (await EpisodeIdsAsync(client, child)).Except(before).Single();
    }

    /// <summary>A whole episode: missing at <paramref name="missingUtc"/>, back <paramref name="away"/> later.</summary>
    public static async Task<string> EpisodeAsync(BeaconClient client, string child, DateTime missingUtc, TimeSpan away)
    {
        var id = await ReportedAsync(client, child, missingUtc);
        var returned = await ReturnAsync(client, child, id, missingUtc + away);
        Assert.True(returned.Status == HttpStatusCode.Redirect, string.Join("; ", returned.Errors));
        return id;
    }

    public static async Task<IReadOnlyList<string>> EpisodeIdsAsync(BeaconClient client, string child)
    {
        var page = await client.GetAsync($"{child}/Missing");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelectorAll("#missing-episodes tbody tr").Select(r => r.GetAttribute("data-episode")!).ToList();
    }

    public static async Task<string> EpisodeRowAsync(BeaconClient client, string child, string episodeId)
    {
        var page = await client.GetAsync($"{child}/Missing");
        return page.Document.QuerySelector($"#missing-episodes tr[data-episode='{episodeId}']")!.TextContent;
    }
}
