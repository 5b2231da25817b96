using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Missing;
using Beacon.Core.Referrals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// The named operations on each kind of record, as requirements for <see cref="IAuthorizationService"/>:
/// <c>AuthorizeAsync(User, new OnChild&lt;Case&gt;(child, @case), CaseOperations.Progress)</c>.
/// </summary>
public static class Operations<TOperation> where TOperation : struct, Enum
{
    private static readonly Dictionary<TOperation, OperationAuthorizationRequirement> Requirements =
        Enum.GetValues<TOperation>().ToDictionary(o => o, o => new OperationAuthorizationRequirement { Name = $"{typeof(TOperation).Name}.{o}" });

    public static OperationAuthorizationRequirement For(TOperation operation) => Requirements[operation];

    internal static bool TryRead(OperationAuthorizationRequirement requirement, out TOperation operation)
    {
        operation = default;
        var prefix = typeof(TOperation).Name + ".";
        return requirement.Name.StartsWith(prefix, StringComparison.Ordinal)
            && Enum.TryParse(requirement.Name[prefix.Length..], out operation);
    }
}

public static class ReferralOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<ReferralOperation>.For(ReferralOperation.View);
    public static readonly OperationAuthorizationRequirement Decide = Operations<ReferralOperation>.For(ReferralOperation.Decide);
    public static readonly OperationAuthorizationRequirement ApproveNoFurtherAction = Operations<ReferralOperation>.For(ReferralOperation.ApproveNoFurtherAction);
}

public static class CaseOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<CaseOperation>.For(CaseOperation.View);
    public static readonly OperationAuthorizationRequirement Progress = Operations<CaseOperation>.For(CaseOperation.Progress);
    public static readonly OperationAuthorizationRequirement Manage = Operations<CaseOperation>.For(CaseOperation.Manage);
    public static readonly OperationAuthorizationRequirement AgreeClosureAsPanelChair = Operations<CaseOperation>.For(CaseOperation.AgreeClosureAsPanelChair);
}

public static class RiskAssessmentOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<RiskAssessmentOperation>.For(RiskAssessmentOperation.View);
    public static readonly OperationAuthorizationRequirement Edit = Operations<RiskAssessmentOperation>.For(RiskAssessmentOperation.Edit);
    public static readonly OperationAuthorizationRequirement ApproveLowering = Operations<RiskAssessmentOperation>.For(RiskAssessmentOperation.ApproveLowering);
    public static readonly OperationAuthorizationRequirement AgreeWithdrawal = Operations<RiskAssessmentOperation>.For(RiskAssessmentOperation.AgreeWithdrawal);
}

public static class MissingEpisodeOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<MissingEpisodeOperation>.For(MissingEpisodeOperation.View);
    public static readonly OperationAuthorizationRequirement Record = Operations<MissingEpisodeOperation>.For(MissingEpisodeOperation.Record);
}

public static class AgreedActionOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<AgreedActionOperation>.For(AgreedActionOperation.View);
    public static readonly OperationAuthorizationRequirement Agree = Operations<AgreedActionOperation>.For(AgreedActionOperation.Agree);
    public static readonly OperationAuthorizationRequirement MarkDone = Operations<AgreedActionOperation>.For(AgreedActionOperation.MarkDone);
}

public static class PanelOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<PanelOperation>.For(PanelOperation.View);
    public static readonly OperationAuthorizationRequirement ProposeRemoval = Operations<PanelOperation>.For(PanelOperation.ProposeRemoval);
    public static readonly OperationAuthorizationRequirement Chair = Operations<PanelOperation>.For(PanelOperation.Chair);
}

public static class CaseNoteOperations
{
    public static readonly OperationAuthorizationRequirement View = Operations<CaseNoteOperation>.For(CaseNoteOperation.View);
    public static readonly OperationAuthorizationRequirement Record = Operations<CaseNoteOperation>.For(CaseNoteOperation.Record);
}

/// <summary>
/// One handler per kind of record: it reads the operation and answers from the pure rule in Beacon.Core
/// (<see cref="RecordAccess"/>), with the actor taken from the signed-in person's claims.
/// </summary>
internal abstract class RecordAuthorizationHandler<TResource, TOperation>(Func<Actor, TOperation, TResource, bool> rule)
    : AuthorizationHandler<OperationAuthorizationRequirement, TResource>
    where TOperation : struct, Enum
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TResource resource)
    {
        if (Operations<TOperation>.TryRead(requirement, out var operation) && rule(context.User.ToActor(), operation, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

internal sealed class ReferralAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Referral>, ReferralOperation>(RecordAccess.Allows);

internal sealed class CaseAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Case>, CaseOperation>(RecordAccess.Allows);

internal sealed class RiskAssessmentAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Assessment?>, RiskAssessmentOperation>(RecordAccess.Allows);

internal sealed class MissingEpisodeAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<MissingEpisode?>, MissingEpisodeOperation>(RecordAccess.Allows);

internal sealed class CaseNoteAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Beacon.Core.CaseNotes.CaseNote?>, CaseNoteOperation>(RecordAccess.Allows);

internal sealed class AgreedActionAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Beacon.Core.Actions.AgreedAction?>, AgreedActionOperation>(RecordAccess.Allows);

internal sealed class PanelAuthorizationHandler()
    : RecordAuthorizationHandler<OnChild<Beacon.Core.Panel.PanelListing?>, PanelOperation>(RecordAccess.Allows);
