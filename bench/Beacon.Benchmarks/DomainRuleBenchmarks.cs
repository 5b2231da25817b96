using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using BenchmarkDotNet.Attributes;

namespace Beacon.Benchmarks;

/// <summary>Rules evaluated on every page that lists children or cases.</summary>
[MemoryDiagnoser]
public class DomainRuleBenchmarks
{
    private static readonly Guid Area = Guid.NewGuid();
    private readonly Actor _actor = new("user-1", "Fictional Worker", Agency.YouthOutreach, new HashSet<string> { BeaconRoles.OutreachWorker },
        Guid.NewGuid(), [Area]);
    private Child _child = default!;
    private readonly string[] _indicators = ["going-missing", "older-boyfriend", "adult-associates", "gets-into-cars"];

    [GlobalSetup]
    public void Setup()
    {
        var today = new DateOnly(2026, 11, 23);
        _child = Child.Create(new ChildDetails("Fictional", "Child", new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded),
            Area, _actor, today, DateTime.UtcNow);
    }

    [Benchmark(Description = "Access check on one loaded child")]
    public bool AccessCheck() => ChildAccess.Allows(_actor, ChildOperation.View, _child);

    [Benchmark(Description = "Assessment due: 45 working days")]
    public DateOnly AssessmentDue() => StatutoryTimescales.EnglandAndWales.AssessmentDue(new DateOnly(2026, 12, 1));

    [Benchmark(Description = "Risk score of 4 indicators")]
    public ExploitationRiskLevel Score() => ScoringPolicy.Default.Score(_indicators).Level;
}
