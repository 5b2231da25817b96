using Beacon.Core.ScaleEstimation.Estimation;

namespace Beacon.Core.Tests.ScaleEstimation;

public class MultipleSystemsEstimationTests
{
    private static CaptureHistories Table(string text)
    {
        var read = CaptureHistories.Parse(text);
        Assert.Empty(read.Problems);
        return read.Table!;
    }

    [Theory]
    // Estimates SparseMSE's stepwise method prints (Korea, Western) or its paper publishes (New Orleans: 1184).
    [InlineData("Korea", 268.778, "b:c")]
    [InlineData("Western", 2483.384, "A:E")]
    [InlineData("NewOrleans", 1183.69, "D:E")]
    public void Stepwise_estimates_agree_with_SparseMSE_on_published_data(string name, double expected, string terms)
    {
        var text = (string)typeof(PublishedTables).GetField(name)!.GetValue(null)!;
        var model = ModelSelection.Stepwise(Table(text));
        Assert.Equal(terms, string.Join(", ", model.Terms.Select(t => t.Name(model.Table.Lists))));
        Assert.InRange(model.Estimate, expected * 0.999, expected * 1.001);
    }

    [Fact]
    public void The_UK_2013_modern_slavery_estimate_is_reproduced_within_two_percent()
    {
        // The Home Office published 10,000 to 13,000; SparseMSE's stepwise gives 11,313 on the five lists.
        var model = ModelSelection.Stepwise(Table(PublishedTables.UkFiveLists));
        Assert.Equal(2744, model.Table.Observed);
        Assert.InRange(model.Estimate, 11_313 * 0.98, 11_313 * 1.02);
        Assert.InRange(model.Estimate, 11_312, 11_314);
        var (lower, upper) = model.AnalyticInterval();
        Assert.InRange(lower, 9_880, 9_890);
        Assert.InRange(upper, 13_020, 13_035);
        Assert.Equal(["LA:NG", "NG:GP", "PFNCA:GP", "LA:PFNCA", "GO:GP", "NG:GO"], model.Terms.Select(t => t.Name(model.Table.Lists)));
    }

    [Fact]
    public void The_six_list_UK_table_adds_terms_in_SparseMSEs_order()
    {
        var model = ModelSelection.Stepwise(Table(PublishedTables.UkSixLists));
        Assert.Equal(["PF:NCA", "LA:NG", "NG:GP", "LA:PF", "PF:GP", "GO:GP", "NG:GO"], model.Terms.Select(t => t.Name(model.Table.Lists)));
        Assert.InRange(model.Estimate, 11_417, 11_419);
    }

    [Fact]
    public void Main_effects_only_on_the_UK_table()
    {
        var model = LogLinearModel.Fitted(Table(PublishedTables.UkSixLists), []);
        Assert.InRange(model.Estimate, 12_213, 12_215);
    }

    [Theory]
    // SparseMSE's documented checkident results on Artificial_3.
    [InlineData(new[] { "AB", "AC", "BC" }, ModelProblem.NotIdentifiable)]
    [InlineData(new[] { "AB" }, ModelProblem.EstimateNotFinite)]
    [InlineData(new[] { "AB", "AC" }, ModelProblem.EstimateNotFinite)]
    [InlineData(new string[0], ModelProblem.None)]
    [InlineData(new[] { "AC" }, ModelProblem.None)]
    [InlineData(new[] { "AC", "BC" }, ModelProblem.None)]
    public void Existence_and_identifiability_are_checked_as_SparseMSE_does(string[] terms, ModelProblem expected)
    {
        var table = Table(PublishedTables.Artificial);
        var interactions = terms.Select(t => new Interaction(t[0] - 'A', t[1] - 'A')).ToArray();
        Assert.Equal(expected, Identifiability.Check(table, interactions));
    }

    [Fact]
    public void Lists_that_carry_no_information_are_dropped_with_a_reason()
    {
        var table = Table("""
            A,B,C,Empty,n
            1,0,1,0,10
            0,1,1,0,20
            1,1,1,0,5
            """);
        var (kept, dropped) = MultipleSystemsEstimation.Informative(table);
        Assert.Equal([0, 1], kept);
        Assert.Contains(dropped, d => d.StartsWith("C was left out: everyone seen"));
        Assert.Contains(dropped, d => d.StartsWith("Empty was left out: nobody"));
    }

    [Fact]
    public void Lists_that_never_overlap_get_a_plain_refusal_not_a_number()
    {
        var outcome = MultipleSystemsEstimation.Estimate(Table("A,B,n\n1,0,10\n0,1,12\n"), new EstimationOptions { BootstrapSamples = 0 }, TestContext.Current.CancellationToken);
        Assert.Null(outcome.Estimate);
        Assert.Contains("overlap too little", outcome.Refusal);
    }

    [Fact]
    public void Two_lists_give_the_Lincoln_Petersen_estimate()
    {
        // 60 on A, 50 on B, 20 on both: N = 60 × 50 / 20 = 150.
        var outcome = MultipleSystemsEstimation.Estimate(Table("A,B,n\n1,0,40\n0,1,30\n1,1,20\n"), new EstimationOptions { BootstrapSamples = 0 }, TestContext.Current.CancellationToken);
        Assert.InRange(outcome.Estimate!.Estimate, 149.999, 150.001);
        Assert.Equal(90, outcome.Estimate.Observed);
    }

    [Fact]
    public void The_bootstrap_interval_surrounds_the_estimate_and_is_repeatable()
    {
        var table = Table(PublishedTables.UkFiveLists);
        var options = new EstimationOptions { BootstrapSamples = 200, Seed = 5 };
        var first = MultipleSystemsEstimation.Estimate(table, options, TestContext.Current.CancellationToken).Estimate!;
        var again = MultipleSystemsEstimation.Estimate(table, options, TestContext.Current.CancellationToken).Estimate!;
        Assert.Equal(first.Lower, again.Lower);
        Assert.Equal(first.Upper, again.Upper);
        Assert.True(first.Lower < first.Estimate && first.Estimate < first.Upper);
        Assert.InRange(first.Lower, 8_000, 11_300);
        Assert.InRange(first.Upper, 11_400, 20_000);
        Assert.StartsWith("bootstrap (BCa", first.IntervalMethod);
        Assert.Contains(first.Sensitivity, r => r.Chosen && r.Terms.Contains("LA:NG"));
        Assert.Contains(first.Sensitivity, r => r.Model.Contains("Main effects only"));
    }

    [Fact]
    public void Type_8_quantiles_match_R()
    {
        // R: quantile(1:10, c(0.1, 0.5, 0.975), type = 8) gives 1.366667, 5.5, 10.
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(1.366667, MultipleSystemsEstimation.Quantile8(values, 0.1), 5);
        Assert.Equal(5.5, MultipleSystemsEstimation.Quantile8(values, 0.5), 5);
        Assert.Equal(10, MultipleSystemsEstimation.Quantile8(values, 0.975), 5);
    }
}

public class CoverageSimulationTests
{
    [Fact]
    public void When_the_lists_are_independent_the_bootstrap_interval_holds_the_true_size_about_95_times_in_100()
    {
        // A bounded run for the test suite (the benchmark runs 100 populations with 1,000 resamples each).
        var coverage = CoverageSimulation.Run(1_000, [0.3, 0.25, 0.2], runs: 60,
            new EstimationOptions { BootstrapSamples = 200 }, seed: 11, TestContext.Current.CancellationToken);
        Assert.Equal(0, coverage.Refused);
        Assert.InRange(coverage.Share, 0.85, 1.0);
        Assert.InRange(coverage.MeanEstimate, 950, 1_050);
    }

    [Fact]
    public void The_analytic_interval_also_covers_about_95_in_100()
    {
        var coverage = CoverageSimulation.Run(2_000, [0.2, 0.15, 0.25, 0.1], runs: 100,
            new EstimationOptions { BootstrapSamples = 0 }, seed: 3, TestContext.Current.CancellationToken);
        Assert.InRange(coverage.Covered, 88, 100);
    }
}

public class CaptureHistoriesTests
{
    [Fact]
    public void List_names_may_hold_commas_and_quotes_when_quoted()
    {
        var read = CaptureHistories.Parse("\"Missing from school, concerns\",\"The \"\"hub\"\"\",count\n1,0,5\n0,1,4\n1,1,2\n");
        Assert.Empty(read.Problems);
        Assert.Equal(["Missing from school, concerns", "The \"hub\""], read.Table!.Lists);
        Assert.Equal(11, read.Table.Observed);
    }

    [Fact]
    public void Rows_with_the_same_history_are_added_together_and_an_all_zero_row_is_refused()
    {
        Assert.Equal(7, CaptureHistories.Parse("A,B,n\n1,0,3\n1,0,4\n1,1,1\n").Table!.Counts[1]);
        Assert.Contains("all zeros", CaptureHistories.Parse("A,B,n\n0,0,3\n1,1,1\n").Problems.Single());
        Assert.Contains("at most 10 lists", CaptureHistories.Parse(string.Join(',', Enumerable.Range(0, 11).Select(i => $"L{i}")) + ",n\n").Problems.Single());
    }
}
