using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Beacon.Core.ScaleEstimation.Estimation;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>
/// `estimate FILE [--json]`: multiple systems estimation from a capture-history table (SparseMSE's layout), without
/// the database, so other tools and checks can call it.
/// </summary>
public static class EstimateCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Comma- or tab-separated table: a header row, one 0/1 column per list, the count of people with that history last." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (observed, estimate, lower, upper, model, ...)." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the BCa interval (0: the analytic interval only).", DefaultValueFactory = _ => 1000 };
        var threshold = new Option<double>("--threshold") { Description = "p-value below which stepwise selection adds an interaction.", DefaultValueFactory = _ => ModelSelection.DefaultThreshold };
        var seed = new Option<int>("--seed") { Description = "Seed for the bootstrap; the same seed gives the same interval.", DefaultValueFactory = _ => 1234 };
        var command = new Command("estimate", "Estimate how many people there are, seen and unseen, from the overlaps between lists (multiple systems estimation).");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(bootstrap);
        command.Options.Add(threshold);
        command.Options.Add(seed);
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(file)!, parse.GetValue(json),
            new EstimationOptions { BootstrapSamples = parse.GetValue(bootstrap), Threshold = parse.GetValue(threshold), Seed = parse.GetValue(seed) }, output, ct));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, bool json, EstimationOptions options, TextWriter output, CancellationToken ct)
    {
        if (!file.Exists) return await FailAsync(output, json, [$"There is no file {file.FullName}."]);
        if (options.BootstrapSamples is < 0 or > 100_000 || options.Threshold is <= 0 or >= 1)
            return await FailAsync(output, json, ["--bootstrap must be between 0 and 100,000 and --threshold between 0 and 1."]);
        var read = CaptureHistories.Parse(await File.ReadAllTextAsync(file.FullName, ct));
        if (read.Table is null) return await FailAsync(output, json, read.Problems);
        var outcome = MultipleSystemsEstimation.Estimate(read.Table, options, ct);
        if (outcome.Estimate is not { } e) return await FailAsync(output, json, [outcome.Refusal!]);

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                observed = e.Observed,
                estimate = Math.Round(e.Estimate, 2),
                lower = Math.Round(e.Lower, 2),
                upper = Math.Round(e.Upper, 2),
                model = e.Model,
                intervalMethod = e.IntervalMethod,
                analyticLower = Math.Round(e.AnalyticLower, 2),
                analyticUpper = Math.Round(e.AnalyticUpper, 2),
                lists = e.Lists,
                droppedLists = e.DroppedLists,
                infiniteTerms = e.InfiniteTerms,
                sensitivity = e.Sensitivity.Select(r => new { model = r.Model, terms = r.Terms, estimate = Math.Round(r.Estimate, 2), lower = Math.Round(r.Lower, 2), upper = Math.Round(r.Upper, 2), aic = Math.Round(r.Aic, 3), bic = Math.Round(r.Bic, 3), chosen = r.Chosen }),
                warnings = e.Warnings,
            }));
            return 0;
        }
        var n = CultureInfo.GetCultureInfo("en-GB");
        await output.WriteLineAsync($"Seen on at least one list: {e.Observed.ToString("N0", n)} (lists: {string.Join(", ", e.Lists)})");
        await output.WriteLineAsync($"Estimated in all:          {e.Estimate.ToString("N0", n)}");
        await output.WriteLineAsync($"95% interval:              {e.Lower.ToString("N0", n)} to {e.Upper.ToString("N0", n)} ({e.IntervalMethod})");
        await output.WriteLineAsync($"Analytic 95% interval:     {e.AnalyticLower.ToString("N0", n)} to {e.AnalyticUpper.ToString("N0", n)}");
        await output.WriteLineAsync($"Model (interactions):      {(e.Model.Count == 0 ? "none: main effects only" : string.Join(", ", e.Model))}");
        foreach (var d in e.DroppedLists) await output.WriteLineAsync("Note: " + d);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Sensitivity: the estimate under other plausible models");
        foreach (var r in e.Sensitivity)
            await output.WriteLineAsync($"  {r.Estimate.ToString("N0", n),10}  ({r.Lower.ToString("N0", n)} to {r.Upper.ToString("N0", n)})  AIC {r.Aic:F1}  BIC {r.Bic:F1}  {r.Model}: {r.Terms}");
        foreach (var w in e.Warnings) await output.WriteLineAsync("Warning: " + w);
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter output, bool json, IReadOnlyList<string> problems)
    {
        if (json) await output.WriteLineAsync(JsonSerializer.Serialize(new { errors = problems }));
        else foreach (var p in problems) await output.WriteLineAsync(p);
        return 1;
    }
}
