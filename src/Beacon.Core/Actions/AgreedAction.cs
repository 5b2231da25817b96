using System.ComponentModel.DataAnnotations;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Actions;

/// <summary>Where an action was agreed. Numbers are stored.</summary>
public enum ActionSource
{
    [Display(Name = "Strategy discussion")] StrategyDiscussion = 1,
    [Display(Name = "Child protection conference")] Conference = 2,
    [Display(Name = "Child protection or child in need plan")] Plan = 3,
    [Display(Name = "Core group")] CoreGroup = 4,
    [Display(Name = "Exploitation panel")] Panel = 5,
}

/// <summary>
/// Something a named person agreed to do for a child by a date: from a strategy discussion, a conference, the plan,
/// the core group or the exploitation panel. It sits on the owner's work list until done, shows as overdue after its
/// date, and is marked done only with evidence of what was done. Never deleted.
/// </summary>
public sealed class AgreedAction : IVersioned
{
    public const int DescriptionMaxLength = 500;

    private AgreedAction() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid ChildId { get; private set; }
    /// <summary>The case it belongs to, when it was agreed in the case's work.</summary>
    public Guid? CaseId { get; private set; }
    public ActionSource Source { get; private set; }
    /// <summary>The panel meeting that set it, for actions from the exploitation panel.</summary>
    public Guid? PanelMeetingId { get; private set; }
    public string Description { get; private set; } = "";
    public string OwnerUserId { get; private set; } = "";
    public Guid OwnerOrganisationId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string AgreedByUserId { get; private set; } = "";
    public DateTime AgreedAtUtc { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? Evidence { get; private set; }
    public string? DoneRecordedByUserId { get; private set; }

    public bool IsDone => DoneOn is not null;
    public bool IsOverdue(DateOnly today) => DoneOn is null && DueOn < today;

    /// <summary>
    /// A panel action not done by its due date escalates: to its owner's team manager, and back onto the panel's next
    /// agenda. One rule, run by the database for work lists and agendas, and by tests against a test clock.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<AgreedAction, bool>> EscalatesOn(DateOnly today) =>
        a => a.Source == ActionSource.Panel && a.DoneOn == null && a.DueOn < today;

    /// <summary>An action for <paramref name="ownerUserId"/> (of <paramref name="ownerOrganisationId"/>), due on a day not yet past.</summary>
    public static AgreedAction Agree(Guid childId, Guid? caseId, ActionSource source, string? description,
        string? ownerUserId, Guid ownerOrganisationId, DateOnly? dueOn, string agreedByUserId, DateTime nowUtc, Guid? panelMeetingId = null)
    {
        if (!Enum.IsDefined(source)) throw new DomainRuleViolation("Choose where the action was agreed", nameof(Source));
        var what = Guard.Text(description, nameof(Description), "Say what is to be done", DescriptionMaxLength);
        var owner = string.IsNullOrWhiteSpace(ownerUserId) || ownerOrganisationId == Guid.Empty
            ? throw new DomainRuleViolation("Choose who will do it", nameof(OwnerUserId))
            : ownerUserId.Trim();
        var now = Guard.AsUtc(nowUtc);
        if (dueOn is not { } due) throw new DomainRuleViolation("Enter the date it is due", nameof(DueOn));
        if (due < UkTime.ToUkDate(now)) throw new DomainRuleViolation("The date it is due cannot be in the past", nameof(DueOn));
        return new AgreedAction
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            CaseId = caseId,
            Source = source,
            PanelMeetingId = panelMeetingId,
            Description = what,
            OwnerUserId = owner,
            OwnerOrganisationId = ownerOrganisationId,
            DueOn = due,
            AgreedByUserId = Guard.Required(agreedByUserId, nameof(AgreedByUserId), "Who agreed it must be recorded"),
            AgreedAtUtc = now,
        };
    }

    /// <summary>Done, with what shows it was done (a visit made, a report sent, a meeting held): "done" alone is not enough.</summary>
    public void MarkDone(DateOnly? doneOn, string? evidence, string byUserId, DateTime nowUtc)
    {
        if (IsDone) throw new DomainRuleViolation("This action has already been marked done.");
        if (doneOn is not { } on) throw new DomainRuleViolation("Enter the date it was done", nameof(DoneOn));
        if (on > UkTime.ToUkDate(Guard.AsUtc(nowUtc))) throw new DomainRuleViolation("The date it was done cannot be in the future", nameof(DoneOn));
        if (on < UkTime.ToUkDate(AgreedAtUtc)) throw new DomainRuleViolation($"It cannot have been done before it was agreed ({UkTime.ToUkDate(AgreedAtUtc):d MMMM yyyy})", nameof(DoneOn));
        Evidence = Guard.Text(evidence, nameof(Evidence), "Say what shows it was done: what happened, and where it is recorded");
        DoneOn = on;
        DoneRecordedByUserId = Guard.Required(byUserId, nameof(DoneRecordedByUserId), "Who recorded it must be known");
    }
}
