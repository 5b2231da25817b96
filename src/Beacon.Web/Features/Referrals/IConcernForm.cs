namespace Beacon.Web.Features.Referrals;

/// <summary>A page that carries the concern fields (see _ConcernFields.cshtml).</summary>
public interface IConcernForm
{
    ConcernInput Concern { get; }
}
