using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Cases;

/// <summary>One strategy discussion held on a case, with who took part for which agency.</summary>
public sealed class StrategyDiscussion
{
    private readonly List<StrategyDiscussionAttendee> _attendees = [];

    private StrategyDiscussion() { }

    internal StrategyDiscussion(DateOnly heldOn, string recordedByUserId, IEnumerable<StrategyDiscussionAttendee> attendees, string? decisions = null)
    {
        Decisions = decisions;
        Id = Guid.NewGuid();
        HeldOn = heldOn;
        RecordedByUserId = recordedByUserId;
        _attendees.AddRange(attendees);
    }

    public Guid Id { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public IReadOnlyList<StrategyDiscussionAttendee> Attendees => _attendees.AsReadOnly();
    /// <summary>What the discussion decided: whether to hold a section 47 enquiry, immediate safety, who does what.</summary>
    public string? Decisions { get; private set; }

    /// <summary>Police and children's social care must both take part; other agencies join as relevant.</summary>
    public static readonly IReadOnlyList<Agency> RequiredAgencies = [Agency.ChildrensSocialCare, Agency.Police];

    internal static void RequireAgencies(IReadOnlyCollection<StrategyDiscussionAttendee> attendees)
    {
        var missing = RequiredAgencies.Where(a => attendees.All(x => x.Agency != a)).ToList();
        if (missing.Count > 0)
            throw new DomainRuleViolation(
                "A strategy discussion needs someone from " +
                string.Join(" and ", missing.Select(AgencyName)) + " among the attendees.",
                nameof(Attendees));
    }

    private static string AgencyName(Agency agency) => agency switch
    {
        Agency.ChildrensSocialCare => "Children's Social Care",
        _ => agency.ToString(),
    };
}

/// <summary>
/// A person at a strategy discussion. Not everyone has a Beacon account, so the name is kept and
/// the user id only when there is one.
/// </summary>
public sealed class StrategyDiscussionAttendee
{
    private StrategyDiscussionAttendee() { }

    public StrategyDiscussionAttendee(string name, Agency agency, string? userId = null)
    {
        Name = Guard.Text(name, nameof(Name), "Give each attendee's name.", Children.Child.TextMaxLength);
        if (!Enum.IsDefined(agency))
            throw new DomainRuleViolation($"Choose the agency {Name} attended for.", nameof(Agency));
        Agency = agency;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
    }

    public string Name { get; private set; } = "";
    public Agency Agency { get; private set; }
    public string? UserId { get; private set; }
}
