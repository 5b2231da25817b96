using System.Text.Json;
using Beacon.Web.Cli;

namespace Beacon.Web.Tests.ScaleEstimation;

/// <summary>The `estimate FILE [--json]` verb, as another tool would call it.</summary>
public class EstimateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("beacon-estimate").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Output)> RunAsync(string table, params string[] options)
    {
        var file = Path.Combine(_folder, "table.csv");
        await File.WriteAllTextAsync(file, table, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var code = await BeaconCli.RunAsync(["estimate", file, .. options], output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Json_output_is_one_object_with_the_estimate_its_interval_and_the_model()
    {
        var (code, output) = await RunAsync("A\tB\tC\tcount\n1\t0\t0\t40\n0\t1\t0\t30\n0\t0\t1\t20\n1\t1\t0\t12\n1\t0\t1\t8\n0\t1\t1\t6\n1\t1\t1\t2\n", "--json", "--bootstrap", "200");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(118, root.GetProperty("observed").GetInt64());
        var estimate = root.GetProperty("estimate").GetDouble();
        Assert.True(estimate > 118);
        Assert.True(root.GetProperty("lower").GetDouble() < estimate && estimate < root.GetProperty("upper").GetDouble());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("model").ValueKind);
        Assert.StartsWith("bootstrap (BCa", root.GetProperty("intervalMethod").GetString());
    }

    [Fact]
    public async Task The_UK_table_gives_SparseMSEs_estimate()
    {
        var (code, output) = await RunAsync(Core.Tests.ScaleEstimation.PublishedTables.UkSixLists, "--json", "--bootstrap", "0");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(11_417.99, json.RootElement.GetProperty("estimate").GetDouble(), 1);
        Assert.Equal(["PF:NCA", "LA:NG", "NG:GP", "LA:PF", "PF:GP", "GO:GP", "NG:GO"], json.RootElement.GetProperty("model").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("A,count\n1,5\n", "at least 2 list columns")]
    [InlineData("", "The table is empty")]
    [InlineData("A,B,count\n1,0,10\n0,1,-3\n1,1,2\n", "Line 3: the count -3 is negative")]
    [InlineData("A,B,count\n1,0,10\n0,2,3\n", "Line 3: \"2\" under B must be 0 or 1")]
    [InlineData("A,B,count\n1,0,10\n0,1\n", "Line 3: 2 columns, but the header has 3")]
    [InlineData("A,B,count\n1,0,10\n0,1,12\n", "overlap too little")]
    public async Task Bad_tables_get_a_clear_message_and_exit_1(string table, string message)
    {
        var (code, output) = await RunAsync(table);
        Assert.Equal(1, code);
        Assert.Contains(message, output);
        var (_, json) = await RunAsync(table, "--json");
        Assert.Contains(message.Replace("\"", "\\u0022"), JsonDocument.Parse(json).RootElement.GetProperty("errors")[0].GetRawText());
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var output = new StringWriter();
        Assert.Equal(1, await BeaconCli.RunAsync(["estimate", Path.Combine(_folder, "nope.csv")], output));
        Assert.Contains("There is no file", output.ToString());
    }
}
