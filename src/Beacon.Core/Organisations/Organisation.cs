using Beacon.Core.Access;
using Beacon.Core.Common;

namespace Beacon.Core.Organisations;

/// <summary>
/// A body people work for: a school, a GP practice, an NHS trust, a youth project, a police force, a local
/// authority's Children's Social Care. Its kind is one of the <see cref="Agency"/> kinds; need-to-know follows
/// the organisation, not the kind, so one school never sees another school's pupils.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 150;

    private readonly List<OrganisationArea> _areas = [];

    private Organisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Agency Kind { get; private set; }
    public IReadOnlyList<OrganisationArea> Areas => _areas;
    public IEnumerable<Guid> AreaIds => _areas.Select(a => a.AreaId);

    public bool Serves(Guid areaId) => _areas.Any(a => a.AreaId == areaId);

    public static Organisation Create(string name, Agency kind, IReadOnlyCollection<Guid> areaIds, Guid? id = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleViolation("Select the kind of organisation", nameof(Kind));
        var areas = areaIds.Distinct().ToList();
        if (areas.Count == 0) throw new DomainRuleViolation("Select at least one area the organisation serves", nameof(Areas));
        // A local authority's Children's Social Care is the front door for its own area and no other.
        if (kind == Agency.ChildrensSocialCare && areas.Count != 1)
            throw new DomainRuleViolation("A local authority's Children's Social Care serves exactly one area", nameof(Areas));
        var organisation = new Organisation
        {
            Id = id ?? Guid.NewGuid(),
            Name = Guard.Text(name, nameof(Name), "Enter the organisation's name", NameMaxLength),
            Kind = kind,
        };
        organisation._areas.AddRange(areas.Select(a => new OrganisationArea(organisation.Id, a)));
        return organisation;
    }
}

/// <summary>An area an organisation serves.</summary>
public sealed class OrganisationArea
{
    private OrganisationArea() { }
    internal OrganisationArea(Guid organisationId, Guid areaId) { OrganisationId = organisationId; AreaId = areaId; }

    public Guid OrganisationId { get; private set; }
    public Guid AreaId { get; private set; }
}
