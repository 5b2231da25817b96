namespace Beacon.Core.RiskAssessment;

/// <summary>
/// One recognised warning sign of child sexual exploitation on the screening tool.
/// <see cref="Code"/> is stored with every ticked indicator, so it never changes once released;
/// labels and hints may be reworded freely.
/// </summary>
/// <param name="IsOverride">Ticking it makes the level serious at once, whatever the score.</param>
public sealed record RiskIndicator(
    string Code,
    IndicatorGroup Group,
    string Label,
    string Hint,
    int DefaultWeight,
    bool IsOverride = false);
