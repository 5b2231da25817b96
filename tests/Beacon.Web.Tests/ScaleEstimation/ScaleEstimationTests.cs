using System.Net;
using System.Text;
using Beacon.Core.ScaleEstimation;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.ScaleEstimation;

/// <summary>The true scale through the pages: lists imported all or nothing, linked, reviewed, estimated, kept; the board sees figures, never children.</summary>
public abstract class ScaleEstimationTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();
    private const string Analyst = "analyst@beacon.test";

    private static Dictionary<string, string> ListFields(string name) => new()
    {
        ["Input.Name"] = name, ["Input.HeldBy"] = "A (fictional) youth project",
        ["Input.CoversFrom.Day"] = "1", ["Input.CoversFrom.Month"] = "4", ["Input.CoversFrom.Year"] = "2025",
        ["Input.CoversTo.Day"] = "31", ["Input.CoversTo.Month"] = "3", ["Input.CoversTo.Year"] = "2026",
    };

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_list_with_any_bad_row_is_refused_line_by_line_and_nothing_is_imported()
    {
        using var analyst = await BeaconClient.SignedInAsync(Factory, Analyst);
        var before = await WithDbAsync(Factory, db => db.Set<ImportedListEntry>().CountAsync());
        var bad = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields("Bad list"), new()
        {
            ["Upload"] = ("list.csv", Csv("agency_id,given_name,surname,date_of_birth,nhs_number,postcode\n" +
                                          "A1,Amira,Fenwick,2010-03-04,9434765919,BX1 2AB\n" +
                                          "A2,Bethany,Holloway,31/02/2010,,\n" +
                                          "A3,Chloe,Ingham,2011-05-06,9434765918,\n" +
                                          "A1,Daisy,Jessop,2012-01-01,,ZZ9\n" +
                                          "A5,=HYPERLINK(\"x\"),Oakley,2099-01-01,,\n")),
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        var problems = bad.Document.QuerySelector("#row-problems")!.TextContent;
        Assert.Contains("Line 3: the date of birth \"31/02/2010\" is not a date", problems);
        Assert.Contains("Line 4: the NHS number \"9434765918\" fails its check digit", problems);
        Assert.True(problems.Contains("Line 5: the postcode \"ZZ9\" is not a UK postcode; the agency's id A1 is also on line 2"), problems);
        Assert.Contains("Line 6: the given name starts with \"=\"", problems);
        Assert.Contains("the date of birth 2099-01-01 is in the future", problems);
        Assert.Contains("Nothing was imported", bad.FieldError("Upload"));

        var wrongColumns = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields("Wrong columns"),
            new() { ["Upload"] = ("list.csv", Csv("id,name\n1,Amira\n")) });
        Assert.Contains("the header has no agency_id, given_name, surname, date_of_birth columns", wrongColumns.FieldError("Upload"));
        var noFile = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields(""));
        Assert.Equal("Choose the list's CSV file", noFile.FieldError("Upload"));
        Assert.Equal("Enter the list's name", noFile.FieldError("Input-Name"));
        Assert.Equal(before, await WithDbAsync(Factory, db => db.Set<ImportedListEntry>().CountAsync()));

        var good = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields("Outreach caseload (test)"), new()
        {
            ["Upload"] = ("list.csv", Csv("surname;given_name;agency_id;date_of_birth;aliases;sex\nFenwick;Amira;A1;2010-03-04;Ami;F\nHolloway;Bethany;A2;28/02/2010;;F\n")),
        });
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        Assert.Contains("Imported 2 children", (await analyst.GetAsync("/ScaleEstimation")).Text);
        Assert.Equal(before + 2, await WithDbAsync(Factory, db => db.Set<ImportedListEntry>().CountAsync()));
    }

    [Fact]
    public async Task A_list_name_a_spreadsheet_would_run_is_refused_and_a_list_counts_only_for_a_period_it_covers()
    {
        using var analyst = await BeaconClient.SignedInAsync(Factory, Analyst);
        var formula = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields("=HYPERLINK(\"http://evil.test\",\"click\")"),
            new() { ["Upload"] = ("list.csv", Csv("agency_id,given_name,surname,date_of_birth,aliases\nB1,Amira,Fenwick,2010-03-04,\n")) });
        Assert.Contains("which a spreadsheet would run as a formula", formula.FieldError("Input-Name"));
        var alias = await analyst.SubmitAsync("/ScaleEstimation/Import", "#import-form", ListFields("Aliases"),
            new() { ["Upload"] = ("list.csv", Csv("agency_id,given_name,surname,date_of_birth,aliases\nB1,Amira,Fenwick,2010-03-04,Jo;=cmd()\n")) });
        Assert.Contains("the aliases starts with \"=\"", alias.FieldError("Upload"));

        // The demo's lists cover the last year: a period years before is refused, naming the list.
        var form = await analyst.GetAsync("/ScaleEstimation/New");
        var imported = form.Document.QuerySelectorAll("input[name='Input.Sources']").Select(i => i.GetAttribute("value")!).Where(k => k.StartsWith("list:")).Take(2).ToList();
        var old = await analyst.SubmitAsync("/ScaleEstimation/New", "#new-run-form", new()
        {
            ["Input.Sources[0]"] = imported[0], ["Input.Sources[1]"] = imported[1],
            ["Input.From.Day"] = "1", ["Input.From.Month"] = "1", ["Input.From.Year"] = "2019", ["Input.To.Day"] = "31", ["Input.To.Month"] = "12", ["Input.To.Year"] = "2019",
        });
        Assert.Contains("outside the period you chose", old.FieldError("Input-Sources"));
        // Nothing chosen and no dates: every problem at once.
        var empty = await analyst.SubmitAsync("/ScaleEstimation/New", "#new-run-form", new() { ["Input.From.Day"] = "", ["Input.From.Month"] = "", ["Input.From.Year"] = "" });
        Assert.Equal(2, empty.Errors.Count);
    }

    [Fact]
    public async Task Only_analysts_link_lists_and_the_board_sees_figures_without_children()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/ScaleEstimation")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/ScaleEstimation/New")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/ScaleEstimation/Import")).Status);
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync("/ScaleEstimation")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/ScaleEstimation/New")).Status);
        Assert.Null((await board.GetAsync("/ScaleEstimation")).Document.QuerySelector("#new-run"));
    }

    [Fact]
    public async Task An_analyst_links_three_lists_reviews_a_pair_estimates_and_the_run_is_kept()
    {
        using var analyst = await BeaconClient.SignedInAsync(Factory, Analyst);
        var form = await analyst.GetAsync("/ScaleEstimation/New");
        var keys = form.Document.QuerySelectorAll("input[name='Input.Sources']").Select(i => i.GetAttribute("value")!).ToList();
        var imported = keys.Where(k => k.StartsWith("list:")).Take(3).ToList();
        Assert.Equal(3, imported.Count); // the demo's three agencies' lists

        var one = await analyst.SubmitAsync("/ScaleEstimation/New", "#new-run-form", new() { ["Input.Sources"] = imported[0] });
        Assert.Contains("Choose at least two lists", one.FieldError("Input-Sources"));
        var future = await analyst.SubmitAsync("/ScaleEstimation/New", "#new-run-form", new() { ["Input.Sources"] = imported[0], ["Input.To.Year"] = "2999" });
        Assert.NotEmpty(future.Errors);

        var fields = new Dictionary<string, string>();
        var linked = await PostFormAsync(analyst, imported);
        Assert.True(linked.Status == HttpStatusCode.Redirect, string.Join("; ", linked.Errors));
        var url = linked.Location!;
        var runId = Guid.Parse(url.Split('/')[^1]);
        var page = await analyst.GetAsync(url);
        Assert.Equal(3, page.Document.QuerySelectorAll("#run-sources li").Length);
        var pair = page.Document.QuerySelector(".beacon-pair");
        if (pair is not null)
        {
            // The waterfall explains the weight; a ruling is kept and shown.
            Assert.Contains("Running total", pair.TextContent);
            var decided = await PostAsync(analyst, url, "Decide", new() { ["left"] = pair.GetAttribute("data-left")!, ["right"] = pair.GetAttribute("data-right")!, ["samePerson"] = "false" });
            Assert.Equal(HttpStatusCode.Redirect, decided.Status);
            Assert.Contains("Ruled different children", (await analyst.GetAsync(url)).Document.QuerySelector(".beacon-pair")!.TextContent);
            Assert.Equal(1, await WithDbAsync(Factory, db => db.Set<LinkDecision>().CountAsync(d => d.RunId == runId)));
        }
        // A pair that is not this run's is refused.
        var forged = await PostAsync(analyst, url, "Decide", new() { ["left"] = "child:x", ["right"] = "entry:y", ["samePerson"] = "true" });
        Assert.Contains("That pair is not one of this run's pairs to review.", forged.Errors);

        var estimated = await PostAsync(analyst, url, "Estimate", []);
        Assert.Equal(HttpStatusCode.Redirect, estimated.Status);
        var result = await analyst.GetAsync(url);
        var observed = long.Parse(result.Document.QuerySelector("#observed")!.TextContent.Replace(",", ""));
        var estimate = double.Parse(result.Document.QuerySelector("#estimate")!.TextContent.Replace(",", ""));
        Assert.True(estimate >= observed, $"{estimate} < {observed}");
        Assert.Contains(" to ", result.Document.QuerySelector("#interval")!.TextContent);
        Assert.NotNull(result.Document.QuerySelector("#overlap-chart svg"));
        Assert.NotEmpty(result.Document.QuerySelectorAll("#histories tbody tr"));
        Assert.Contains("Main effects only", result.Document.QuerySelector("#sensitivity")!.TextContent);
        Assert.Contains("What it assumes", result.Document.QuerySelector("#explanation")!.TextContent);

        // The run keeps its inputs and result; its table repeats the estimate with the CLI's reader.
        var run = await WithDbAsync(Factory, db => db.Set<EstimationRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal(observed, run.Observed);
        Assert.NotNull(run.ResultJson);
        var table = await analyst.Http.GetStringAsync(url + "?handler=Table");
        var again = Core.ScaleEstimation.Estimation.MultipleSystemsEstimation.Estimate(Core.ScaleEstimation.Estimation.CaptureHistories.Parse(table).Table!,
            new() { BootstrapSamples = 0 });
        Assert.Equal(run.Estimate!.Value, again.Estimate!.Estimate, 3);
        // Estimated once: a second try is refused and changes nothing.
        var twice = await PostAsync(analyst, url, "Estimate", []);
        Assert.Contains(twice.Errors, e => e.Contains("estimated already"));

        // The board sees the figures and no child.
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var seen = await board.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Null(seen.Document.QuerySelector(".beacon-pair"));
        Assert.Equal(result.Document.QuerySelector("#estimate")!.TextContent, seen.Document.QuerySelector("#estimate")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(board, url, "Estimate", [])).Status);
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(url)).Status);
    }

    private static Task<BeaconClient.PageResponse> PostFormAsync(BeaconClient analyst, IReadOnlyList<string> sources)
    {
        // Checkboxes of one name: posted as repeated fields, as a browser sends them.
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < sources.Count; i++) fields[$"Input.Sources[{i}]"] = sources[i];
        fields["Input.From.Day"] = "1";
        fields["Input.From.Month"] = "1";
        fields["Input.From.Year"] = "2000";
        return analyst.SubmitAsync("/ScaleEstimation/New", "#new-run-form", fields);
    }
}

public sealed class SqliteScaleEstimationTests(SqliteBeacon beacon) : ScaleEstimationTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresScaleEstimationTests(PostgresBeacon beacon) : ScaleEstimationTests(beacon), IClassFixture<PostgresBeacon>;
