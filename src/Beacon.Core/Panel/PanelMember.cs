using Beacon.Core.Common;

namespace Beacon.Core.Panel;

/// <summary>
/// A standing member of a panel, named by its chair: the police, health, education and outreach leads who sit on it.
/// A member sees what the panel needs about the children on its agendas, and receives its minutes, without being
/// involved with each child otherwise. Membership ends on the record (who ended it, when) and is never deleted, so
/// who could see what, when, can always be told.
/// </summary>
public sealed class PanelMember : IVersioned
{
    private PanelMember() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    /// <summary>The organisation whose panel it is: the chair's (see <see cref="PanelMeeting.OrganisationId"/>).</summary>
    public Guid PanelOrganisationId { get; private set; }
    public string UserId { get; private set; } = "";
    public string AddedByUserId { get; private set; } = "";
    public DateTime AddedAtUtc { get; private set; }
    public string? EndedByUserId { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    public bool IsCurrent => EndedAtUtc is null;

    public static PanelMember Name(Guid panelOrganisationId, string? userId, string chairUserId, DateTime nowUtc)
    {
        if (panelOrganisationId == Guid.Empty) throw new DomainRuleViolation("The panel must be known.");
        return new PanelMember
        {
            Id = Guid.NewGuid(),
            PanelOrganisationId = panelOrganisationId,
            UserId = Guard.Required(userId, nameof(UserId), "Choose the person to add to the panel"),
            AddedByUserId = Guard.Required(chairUserId, nameof(AddedByUserId), "Who added them must be recorded"),
            AddedAtUtc = Guard.AsUtc(nowUtc),
        };
    }

    public void End(string chairUserId, DateTime nowUtc)
    {
        if (!IsCurrent) throw new DomainRuleViolation("This person's membership of the panel has already ended.");
        EndedByUserId = Guard.Required(chairUserId, nameof(EndedByUserId), "Who ended it must be recorded");
        EndedAtUtc = Guard.AsUtc(nowUtc);
    }
}
