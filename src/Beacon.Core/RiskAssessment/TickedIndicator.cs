using Beacon.Core.Common;
using Beacon.Core.Access;

namespace Beacon.Core.RiskAssessment;

/// <summary>
/// An indicator ticked on an assessment, with the evidence for it and the agency that evidence
/// came from (not necessarily the agency of the person typing it in). Changed only through
/// <see cref="RiskAssessment"/>, which checks the assessment is still a draft.
/// </summary>
public sealed class TickedIndicator
{
    private TickedIndicator() { }

    internal TickedIndicator(Guid childId, string code, Agency sourceAgency, string? evidence, string byUserId, DateTime atUtc)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Code = code;
        Update(sourceAgency, evidence, byUserId, atUtc);
    }

    public Guid Id { get; private set; }
    /// <summary>Evidence about a child is part of that child's record (and is audited under it).</summary>
    public Guid ChildId { get; private set; }
    /// <summary>A catalogue code (<see cref="IndicatorCatalogue"/>).</summary>
    public string Code { get; private set; } = "";
    public Agency SourceAgency { get; private set; }
    public string? Evidence { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    public bool HasEvidence => !string.IsNullOrWhiteSpace(Evidence);
    public RiskIndicator Indicator => IndicatorCatalogue.Get(Code);

    internal void Update(Agency sourceAgency, string? evidence, string byUserId, DateTime atUtc)
    {
        SourceAgency = sourceAgency;
        Evidence = Guard.Optional(evidence, Code);
        RecordedByUserId = byUserId;
        RecordedAtUtc = atUtc;
    }
}
