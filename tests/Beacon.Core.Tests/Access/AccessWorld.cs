using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Organisations;

namespace Beacon.Core.Tests.Access;

/// <summary>
/// Two neighbouring areas (North, South) and a third the police force does not serve (Far); a local authority
/// Children's Social Care in each of North and South; one police force across North and South; two schools in
/// North; a health trust across all three; a youth project in North; a safeguarding board for North and South
/// and one for South only. Children placed in each situation that need-to-know must get right.
/// </summary>
public static class AccessWorld
{
    public static readonly DateOnly Today = new(2026, 6, 1);
    public static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    public static readonly Area North = Area.Create("North");
    public static readonly Area South = Area.Create("South");
    public static readonly Area Far = Area.Create("Far");

    public static readonly Organisation NorthSocialCare = Organisation.Create("North Children's Social Care", Agency.ChildrensSocialCare, [North.Id]);
    public static readonly Organisation SouthSocialCare = Organisation.Create("South Children's Social Care", Agency.ChildrensSocialCare, [South.Id]);
    public static readonly Organisation Police = Organisation.Create("North and South Police", Agency.Police, [North.Id, South.Id]);
    public static readonly Organisation SchoolA = Organisation.Create("North Academy", Agency.Education, [North.Id]);
    public static readonly Organisation SchoolB = Organisation.Create("North Grammar", Agency.Education, [North.Id]);
    public static readonly Organisation Trust = Organisation.Create("Three Areas NHS Trust", Agency.Health, [North.Id, South.Id, Far.Id]);
    public static readonly Organisation YouthProject = Organisation.Create("North Youth Project", Agency.YouthOutreach, [North.Id]);
    public static readonly Organisation Board = Organisation.Create("North and South Safeguarding Partnership", Agency.SafeguardingBoard, [North.Id, South.Id]);
    public static readonly Organisation SouthBoard = Organisation.Create("South Safeguarding Partnership", Agency.SafeguardingBoard, [South.Id]);

    public static readonly IReadOnlyList<Organisation> AllOrganisations =
        [NorthSocialCare, SouthSocialCare, Police, SchoolA, SchoolB, Trust, YouthProject, Board, SouthBoard];

    /// <summary>The person named on the restricted record: a safeguarding lead at School B.</summary>
    public const string NamedUserId = "named-person";

    public enum Situation
    {
        /// <summary>North's child, a pupil of School A, known to the police.</summary>
        NorthPupilOfSchoolA,
        /// <summary>North's child, a pupil of School B only.</summary>
        NorthPupilOfSchoolB,
        /// <summary>South's child, known to the police and the trust.</summary>
        SouthChildKnownToPolice,
        /// <summary>North's looked-after child placed in South: South's social care and the police are involved.</summary>
        NorthChildPlacedInSouth,
        /// <summary>A child of the Far area, known to the trust and (from a referral) to the police, which does not serve Far.</summary>
        FarChildKnownToPoliceAndTrust,
        /// <summary>North's child whose School A involvement has ended.</summary>
        SchoolAInvolvementEnded,
        /// <summary>North's restricted child, known to School A and the police, naming one School B lead.</summary>
        RestrictedNamingOnePerson,
    }

    public static Actor Person(Organisation organisation, string role, string? userId = null) =>
        new(userId ?? $"{organisation.Name}/{role}", "Someone", organisation.Kind, new HashSet<string> { role }, organisation.Id, organisation.AreaIds.ToList());

    public static Child ChildIn(Situation situation)
    {
        var maker = Person(SchoolA, BeaconRoles.SafeguardingLead, "maker");
        Child Make(Area area, Organisation by, Guid? host = null) => Child.Create(
            new ChildDetails("Testchild", situation.ToString(), new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded,
                IsLookedAfter: host is not null, PlacedOutOfArea: host is not null, HostAreaId: host),
            area.Id, Person(by, BeaconRoles.SafeguardingLead, "maker"), Today, Now);
        switch (situation)
        {
            case Situation.NorthPupilOfSchoolA:
            {
                var child = Make(North, SchoolA);
                child.Involve(Police, Now);
                return child;
            }
            case Situation.NorthPupilOfSchoolB:
                return Make(North, SchoolB);
            case Situation.SouthChildKnownToPolice:
            {
                var child = Make(South, Police);
                child.Involve(Trust, Now);
                return child;
            }
            case Situation.NorthChildPlacedInSouth:
            {
                var child = Make(North, YouthProject, host: South.Id);
                child.InvolveHostAreaServices(AllOrganisations, Now);
                return child;
            }
            case Situation.FarChildKnownToPoliceAndTrust:
            {
                var child = Make(Far, Trust);
                child.Involve(Police, Now);
                return child;
            }
            case Situation.SchoolAInvolvementEnded:
            {
                var child = Make(North, SchoolA);
                child.EndInvolvement(SchoolA.Id, Now.AddDays(1));
                return child;
            }
            default:
            {
                var child = Make(North, SchoolA);
                child.Involve(Police, Now);
                child.Restrict("restricting-manager", Now);
                child.GrantAccess(Person(SchoolB, BeaconRoles.SafeguardingLead, NamedUserId), "restricting-manager", Now);
                return child;
            }
        }
    }

    /// <summary>
    /// Whose practitioners see each child, written out by hand (independently of the rule): the responsible area's
    /// social care, a host area's social care, the police where it is involved in an area it serves, and every
    /// other organisation only where it is involved.
    /// </summary>
    public static IReadOnlySet<Organisation> PractitionersWhoSee(Situation situation) => situation switch
    {
        Situation.NorthPupilOfSchoolA => new HashSet<Organisation> { NorthSocialCare, SchoolA, Police },
        Situation.NorthPupilOfSchoolB => new HashSet<Organisation> { NorthSocialCare, SchoolB },
        Situation.SouthChildKnownToPolice => new HashSet<Organisation> { SouthSocialCare, Police, Trust },
        Situation.NorthChildPlacedInSouth => new HashSet<Organisation> { NorthSocialCare, SouthSocialCare, Police, YouthProject },
        Situation.FarChildKnownToPoliceAndTrust => new HashSet<Organisation> { Trust },
        Situation.SchoolAInvolvementEnded => new HashSet<Organisation> { NorthSocialCare },
        _ => new HashSet<Organisation>(),
    };

    /// <summary>Which boards' auditors see each child: those whose areas include the child's responsible or host area.</summary>
    public static IReadOnlySet<Organisation> AuditorsWhoSee(Situation situation) => situation switch
    {
        Situation.NorthPupilOfSchoolA or Situation.NorthPupilOfSchoolB or Situation.SchoolAInvolvementEnded => new HashSet<Organisation> { Board },
        Situation.SouthChildKnownToPolice or Situation.NorthChildPlacedInSouth => new HashSet<Organisation> { Board, SouthBoard },
        _ => new HashSet<Organisation>(),
    };
}
