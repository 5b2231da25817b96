using Beacon.Core.Children;

namespace Beacon.Core.Access;

/// <summary>A record about a child, with the child's record its access follows (involvements and grants loaded).</summary>
public sealed record OnChild<TRecord>(Child Child, TRecord Record);

public enum ReferralOperation
{
    View,
    /// <summary>Record the front door's triage decision.</summary>
    Decide,
    /// <summary>Agree (or send back) a proposal of no further action.</summary>
    ApproveNoFurtherAction,
}

public enum CaseOperation
{
    View,
    /// <summary>Record the case's steps: strategy discussion, enquiries, assessment, conferences, plan, reviews, closure request.</summary>
    Progress,
    /// <summary>Approve closure and allocate the case.</summary>
    Manage,
    /// <summary>Agree, as panel chair, to close the case of a child at significant or serious risk.</summary>
    AgreeClosureAsPanelChair,
}

public enum RiskAssessmentOperation
{
    View,
    /// <summary>Start, fill in and sign off an assessment.</summary>
    Edit,
    /// <summary>Approve a lowered risk level (another person than the one who proposed it).</summary>
    ApproveLowering,
    /// <summary>Agree that a signed-off assessment is withdrawn as a mistake: a team manager of the responsible local authority, other than the person who asked or signed it.</summary>
    AgreeWithdrawal,
}

public enum MissingEpisodeOperation
{
    View,
    /// <summary>Report the child missing, record their return and the return home interview.</summary>
    Record,
}

public enum PanelOperation
{
    /// <summary>See the child's place on the panel's list and its history.</summary>
    View,
    /// <summary>Propose that the child leaves the list (any practitioner on the panel who may see the child).</summary>
    ProposeRemoval,
    /// <summary>Add a child to the list, and approve or decline a removal: the panel chair.</summary>
    Chair,
}

public enum AgreedActionOperation
{
    View,
    /// <summary>Agree an action in the case's work (strategy discussion, conference, plan, core group).</summary>
    Agree,
    /// <summary>Mark it done with evidence: its owner, or the social care team running the case.</summary>
    MarkDone,
}

public enum CaseNoteOperation
{
    /// <summary>Read the notes and open their attachments.</summary>
    View,
    /// <summary>Record a note (a visit, a call, an event), attach files, correct one's own note.</summary>
    Record,
}

/// <summary>
/// Who may do what to each kind of record about a child. Every rule starts from the child's need-to-know rule,
/// so nothing about a child is reachable by someone who may not see the child.
/// </summary>
public static class RecordAccess
{
    /// <summary>
    /// The local authority responsible for the child decides at its front door and runs its cases; a host
    /// authority of an out-of-area placement is told and sees the record, but does not take over the case.
    /// </summary>
    public static bool IsResponsibleSocialCare(Actor actor, Child child) =>
        Capabilities.IsSocialCare(actor) && actor.Serves(child.ResponsibleAreaId) && ChildAccess.MayView(actor, child);

    public static bool Allows<T>(Actor actor, ReferralOperation operation, OnChild<T> resource) => operation switch
    {
        ReferralOperation.View => ChildAccess.MayView(actor, resource.Child),
        ReferralOperation.Decide => IsResponsibleSocialCare(actor, resource.Child),
        ReferralOperation.ApproveNoFurtherAction => Capabilities.IsSocialCareManager(actor) && IsResponsibleSocialCare(actor, resource.Child),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, CaseOperation operation, OnChild<T> resource) => operation switch
    {
        CaseOperation.View => ChildAccess.MayView(actor, resource.Child),
        CaseOperation.Progress => IsResponsibleSocialCare(actor, resource.Child),
        CaseOperation.Manage => Capabilities.IsSocialCareManager(actor) && IsResponsibleSocialCare(actor, resource.Child),
        CaseOperation.AgreeClosureAsPanelChair => Capabilities.IsPanelChair(actor) && ChildAccess.MayView(actor, resource.Child),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, RiskAssessmentOperation operation, OnChild<T> resource) => operation switch
    {
        RiskAssessmentOperation.View => ChildAccess.MayView(actor, resource.Child),
        RiskAssessmentOperation.Edit => Capabilities.IsPractitioner(actor) && ChildAccess.MayView(actor, resource.Child),
        RiskAssessmentOperation.ApproveLowering => Capabilities.IsTeamManager(actor) && ChildAccess.MayView(actor, resource.Child),
        // Undoing a signed-off assessment is the responsible local authority's decision, as closing its case is.
        RiskAssessmentOperation.AgreeWithdrawal => Capabilities.IsSocialCareManager(actor) && IsResponsibleSocialCare(actor, resource.Child),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, MissingEpisodeOperation operation, OnChild<T> resource) => operation switch
    {
        MissingEpisodeOperation.View => ChildAccess.MayView(actor, resource.Child),
        MissingEpisodeOperation.Record => Capabilities.IsPractitioner(actor) && ChildAccess.MayView(actor, resource.Child),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, CaseNoteOperation operation, OnChild<T> resource) => operation switch
    {
        CaseNoteOperation.View => ChildAccess.MayView(actor, resource.Child),
        CaseNoteOperation.Record => Capabilities.IsPractitioner(actor) && ChildAccess.MayView(actor, resource.Child),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, AgreedActionOperation operation, OnChild<T> resource) => operation switch
    {
        AgreedActionOperation.View => ChildAccess.MayView(actor, resource.Child),
        AgreedActionOperation.Agree => IsResponsibleSocialCare(actor, resource.Child),
        AgreedActionOperation.MarkDone => IsResponsibleSocialCare(actor, resource.Child)
            || (resource.Record is Actions.AgreedAction action && action.OwnerUserId == actor.UserId && ChildAccess.MayView(actor, resource.Child)),
        _ => false,
    };

    public static bool Allows<T>(Actor actor, PanelOperation operation, OnChild<T> resource) => operation switch
    {
        PanelOperation.View => ChildAccess.MayView(actor, resource.Child),
        PanelOperation.ProposeRemoval => Capabilities.IsPractitioner(actor) && ChildAccess.MayView(actor, resource.Child),
        PanelOperation.Chair => Capabilities.IsPanelChair(actor) && ChildAccess.MayView(actor, resource.Child),
        _ => false,
    };
}
