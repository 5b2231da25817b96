namespace Beacon.Core.Cases;

/// <summary>One move between stages: the case's own history, for the chronology.</summary>
public sealed class CaseStageChange
{
    private CaseStageChange() { }

    internal CaseStageChange(CaseStage from, CaseStage to, DateOnly on, string byUserId, string? reason = null)
    {
        Reason = reason;
        Id = Guid.NewGuid();
        From = from;
        To = to;
        On = on;
        ByUserId = byUserId;
    }

    public Guid Id { get; private set; }
    public CaseStage From { get; private set; }
    public CaseStage To { get; private set; }
    public DateOnly On { get; private set; }
    public string ByUserId { get; private set; } = "";
    /// <summary>Why, for a move that leaves a statutory path (a section 47 enquiry ended without a conference).</summary>
    public string? Reason { get; private set; }
}
