using Beacon.Core.Audit;
using BenchmarkDotNet.Attributes;

namespace Beacon.Benchmarks;

/// <summary>How long an auditor waits for `audit verify`, and what each audited save costs.</summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private List<AuditEntry> _chain = [];
    private AuditDraft _draft = default!;

    [Params(100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _draft = new AuditDraft("user-1", "Fictional Worker", "ChildrensSocialCare", AuditAction.Updated, "Child", Guid.NewGuid().ToString(),
            Guid.NewGuid(), "Changed Child", AuditChanges.ToJson([new FieldChange("School", "Old Academy", "New Academy")]));
        AuditEntry? previous = null;
        for (var i = 0; i < Entries; i++)
        {
            previous = AuditEntry.Append(previous, _draft, start.AddSeconds(i));
            _chain.Add(previous);
        }
    }

    [Benchmark(Description = "Verify the whole chain")]
    public bool Verify() => AuditChain.Verify(_chain).IsIntact;

    [Benchmark(Description = "Append one entry")]
    public AuditEntry Append() => AuditEntry.Append(_chain[^1], _draft, DateTime.UtcNow);
}
