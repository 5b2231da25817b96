using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Organisations;

namespace Beacon.Core.Children;

/// <summary>
/// A child or young person known to one or more agencies. Changes go through methods so the rules
/// (valid dates, no deletions, the acting organisation involved) hold wherever they are called from.
/// </summary>
public class Child : IVersioned
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;

    private readonly List<ChildAlias> _aliases = [];
    private readonly List<ChildAddress> _addresses = [];
    private readonly List<OrganisationInvolvement> _involvements = [];
    private readonly List<ChildAccessGrant> _accessGrants = [];

    private Child() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    /// <summary>What lists sort the child by (<see cref="NameFolding.SortKey"/>), kept with the names.</summary>
    public string SortName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Gender Gender { get; private set; }
    public Ethnicity Ethnicity { get; private set; }
    public string? School { get; private set; }
    public bool IsLookedAfter { get; private set; }
    public string? Placement { get; private set; }
    public bool PlacedOutOfArea { get; private set; }
    /// <summary>The local authority looking after the child; its Children's Social Care sees the record.</summary>
    public Guid ResponsibleAreaId { get; private set; }
    /// <summary>
    /// Where a looked-after child placed out of area lives, when that area uses Beacon: its Children's Social
    /// Care and police must know, because such children are at raised risk of exploitation.
    /// </summary>
    public Guid? HostAreaId { get; private set; }
    public string? KeyWorkerUserId { get; private set; }
    /// <summary>When set, only the people named in <see cref="AccessGrants"/> may see the record.</summary>
    public bool IsRestricted { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";

    public IReadOnlyList<ChildAlias> Aliases => _aliases;
    public IReadOnlyList<ChildAddress> Addresses => _addresses;
    public IReadOnlyList<OrganisationInvolvement> Involvements => _involvements;
    public IReadOnlyList<ChildAccessGrant> AccessGrants => _accessGrants;

    public string FullName => $"{FirstName} {LastName}";
    public ChildAddress? CurrentAddress => _addresses.Where(a => a.To is null).OrderByDescending(a => a.From).FirstOrDefault();
    public IEnumerable<ChildAlias> CurrentAliases => _aliases.Where(a => a.WithdrawnAtUtc is null);
    public IEnumerable<OrganisationInvolvement> CurrentInvolvements => _involvements.Where(a => a.EndedAtUtc is null);
    public bool IsInvolved(Guid organisationId) => CurrentInvolvements.Any(i => i.OrganisationId == organisationId);

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>
    /// A new record. The local authority of <paramref name="responsibleAreaId"/> sees it through its area; the
    /// creator's organisation is involved by definition.
    /// </summary>
    public static Child Create(ChildDetails details, Guid responsibleAreaId, Actor creator, DateOnly today, DateTime nowUtc)
    {
        details.Validate(today);
        if (responsibleAreaId == Guid.Empty) throw new DomainRuleViolation("Select the local authority responsible for the child", nameof(ResponsibleAreaId));
        var child = new Child
        {
            Id = Guid.NewGuid(),
            CreatedAtUtc = nowUtc,
            CreatedByUserId = creator.UserId,
            ResponsibleAreaId = responsibleAreaId,
        };
        child.Apply(details);
        child.InvolveOrganisationOf(creator, nowUtc);
        return child;
    }

    public void UpdateDetails(ChildDetails details, DateOnly today)
    {
        details.Validate(today);
        Apply(details);
    }

    private void Apply(ChildDetails details)
    {
        // Checked before anything changes, so a refusal leaves the record as it was.
        if (details.IsLookedAfter && details.PlacedOutOfArea && details.HostAreaId == ResponsibleAreaId)
            throw new DomainRuleViolation("A placement out of area must be in an area other than the responsible local authority's", nameof(ChildDetails.HostAreaId));
        FirstName = details.FirstName.Trim();
        LastName = details.LastName.Trim();
        SortName = NameFolding.SortKey(LastName, FirstName);
        DateOfBirth = details.DateOfBirth;
        Gender = details.Gender;
        Ethnicity = details.Ethnicity;
        School = Blank(details.School);
        IsLookedAfter = details.IsLookedAfter;
        Placement = details.IsLookedAfter ? Blank(details.Placement) : null;
        PlacedOutOfArea = details.IsLookedAfter && details.PlacedOutOfArea;
        HostAreaId = PlacedOutOfArea ? details.HostAreaId : null;
        KeyWorkerUserId = Blank(details.KeyWorkerUserId);
    }

    public ChildAlias AddAlias(string name, DateTime nowUtc)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation("Enter the alias", "Alias");
        if (trimmed.Length > NameMaxLength) throw new DomainRuleViolation($"Alias must be {NameMaxLength} characters or fewer", "Alias");
        if (CurrentAliases.Any(a => string.Equals(a.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleViolation($"{trimmed} is already recorded as an alias", "Alias");
        var alias = new ChildAlias(Id, trimmed, nowUtc);
        _aliases.Add(alias);
        return alias;
    }

    /// <summary>Aliases are never deleted: a wrong one is withdrawn with a reason and stays on file.</summary>
    public void WithdrawAlias(Guid aliasId, string reason, DateTime nowUtc)
    {
        var alias = _aliases.SingleOrDefault(a => a.Id == aliasId && a.WithdrawnAtUtc is null)
            ?? throw new DomainRuleViolation("That alias is not a current alias of this child");
        alias.Withdraw(RequiredReason(reason), nowUtc);
    }

    /// <summary>Records a move: the current address ends the day before the new one starts.</summary>
    public ChildAddress MoveTo(string line1, string town, string postcode, DateOnly from, DateOnly today)
    {
        if (from > today) throw new DomainRuleViolation("The date they moved cannot be in the future", "From");
        if (from < DateOfBirth) throw new DomainRuleViolation("The date they moved cannot be before their date of birth", "From");
        var current = CurrentAddress;
        if (current is not null && from <= current.From)
            throw new DomainRuleViolation($"The date they moved must be after {current.From:d MMMM yyyy}, when they moved to the current address", "From");
        var address = new ChildAddress(Id, Required(line1, "Line1", "Enter the first line of the address"),
            Required(town, "Town", "Enter the town or city"),
            (Guard.Optional(postcode, "Postcode", TextLimits.Postcode) ?? "").ToUpperInvariant(), from);
        current?.End(from.AddDays(-1));
        _addresses.Add(address);
        return address;
    }

    /// <summary>
    /// Whoever records something about a child (creates the record, raises a referral, reports them missing)
    /// works with them from then on: their organisation becomes involved. The one rule for every action.
    /// </summary>
    public void InvolveOrganisationOf(Actor actor, DateTime nowUtc)
    {
        if (actor.OrganisationId == Guid.Empty) return; // Beacon itself (migrations, the CLI) is no organisation
        Involve(actor.OrganisationId, actor.Agency, nowUtc);
    }

    /// <summary>Returns true when the organisation was not already involved.</summary>
    public bool Involve(Organisation organisation, DateTime nowUtc) => Involve(organisation.Id, organisation.Kind, nowUtc);

    private bool Involve(Guid organisationId, Agency kind, DateTime nowUtc)
    {
        if (IsInvolved(organisationId)) return false;
        _involvements.Add(new OrganisationInvolvement(Id, organisationId, kind, nowUtc));
        return true;
    }

    public void EndInvolvement(Guid organisationId, DateTime nowUtc) =>
        CurrentInvolvements.SingleOrDefault(a => a.OrganisationId == organisationId)?.End(nowUtc);

    /// <summary>
    /// After a placement out of area: the host area's Children's Social Care and the police force serving it
    /// are involved. Returns those newly involved, who must be told.
    /// </summary>
    public IReadOnlyList<Organisation> InvolveHostAreaServices(IEnumerable<Organisation> organisations, DateTime nowUtc)
    {
        if (HostAreaId is not { } host) return [];
        return organisations
            .Where(o => o.Serves(host) && o.Kind is Agency.ChildrensSocialCare or Agency.Police)
            .Where(o => Involve(o, nowUtc))
            .ToList();
    }

    /// <summary>Restricting names the person restricting it, so the record is never left with nobody able to see it.</summary>
    public void Restrict(string restrictedByUserId, DateTime nowUtc)
    {
        IsRestricted = true;
        Grant(restrictedByUserId, restrictedByUserId, nowUtc);
    }

    public void Unrestrict() => IsRestricted = false;

    /// <summary>
    /// Names a person on the record. Only someone whose role works with individual children may be named: a board
    /// member or an administrator sees no records, restricted or not.
    /// </summary>
    public void GrantAccess(Actor grantee, string grantedByUserId, DateTime nowUtc)
    {
        if (!Capabilities.IsPractitioner(grantee))
            throw new DomainRuleViolation($"{grantee.Name} cannot be named: only practitioners who work with children can see a child's record", "Grantee");
        Grant(grantee.UserId, grantedByUserId, nowUtc);
    }

    private void Grant(string userId, string grantedByUserId, DateTime nowUtc)
    {
        if (_accessGrants.Any(g => g.UserId == userId && g.RevokedAtUtc is null)) return;
        _accessGrants.Add(new ChildAccessGrant(Id, userId, grantedByUserId, nowUtc));
    }

    public void RevokeAccess(string userId, DateTime nowUtc)
    {
        var current = _accessGrants.Where(g => g.RevokedAtUtc is null).ToList();
        var grant = current.SingleOrDefault(g => g.UserId == userId)
            ?? throw new DomainRuleViolation("That person is not named on this record");
        if (IsRestricted && current.Count == 1)
            throw new DomainRuleViolation("A restricted record must name at least one person who can see it");
        grant.Revoke(nowUtc);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Required(string? value, string field, string message)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation(message, field);
        if (trimmed.Length > TextMaxLength) throw new DomainRuleViolation($"Must be {TextMaxLength} characters or fewer", field);
        return trimmed;
    }

    internal static string RequiredReason(string? reason)
    {
        var trimmed = (reason ?? "").Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation("Enter the reason", "Reason");
        if (trimmed.Length > 500) throw new DomainRuleViolation("Reason must be 500 characters or fewer", "Reason");
        return trimmed;
    }
}

/// <summary>What a practitioner enters about a child, validated against the rules of a real record.</summary>
public sealed record ChildDetails(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Gender Gender,
    Ethnicity Ethnicity,
    string? School = null,
    bool IsLookedAfter = false,
    string? Placement = null,
    bool PlacedOutOfArea = false,
    string? KeyWorkerUserId = null,
    Guid? HostAreaId = null)
{
    /// <summary>Youth outreach works with young people up to 25, so older records are a typing error.</summary>
    public const int OldestAgeInYears = 25;

    public void Validate(DateOnly today)
    {
        CheckName(FirstName, nameof(FirstName), "first name");
        CheckName(LastName, nameof(LastName), "last name");
        if (DateOfBirth > today) throw new DomainRuleViolation("Date of birth must be in the past", nameof(DateOfBirth));
        if (DateOfBirth <= today.AddYears(-(OldestAgeInYears + 1)))
            throw new DomainRuleViolation($"Date of birth must be for someone aged {OldestAgeInYears} or under", nameof(DateOfBirth));
        if (School?.Trim().Length > Child.TextMaxLength) throw new DomainRuleViolation($"School must be {Child.TextMaxLength} characters or fewer", nameof(School));
        if (Placement?.Trim().Length > Child.TextMaxLength) throw new DomainRuleViolation($"Placement must be {Child.TextMaxLength} characters or fewer", nameof(Placement));
        if (!Enum.IsDefined(Gender)) throw new DomainRuleViolation("Select a gender", nameof(Gender));
        if (!Enum.IsDefined(Ethnicity)) throw new DomainRuleViolation("Select an ethnicity", nameof(Ethnicity));
    }

    private static void CheckName(string? value, string field, string label)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation($"Enter the child's {label}", field);
        if (trimmed.Length > Child.NameMaxLength) throw new DomainRuleViolation($"The {label} must be {Child.NameMaxLength} characters or fewer", field);
    }
}
