using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Identity;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// Synthetic demo data for a new database. Every person is generated and fictional; the fixed seed makes
/// the same demo each time so a walkthrough can be repeated.
/// </summary>
public sealed class DemoData(BeaconDbContext db, UserManager<BeaconUser> users, Features.Children.ChildOrganisations childOrganisations, TimeProvider clock)
{
    public const string Password = "Beacon-Demo-2026";
    private const int Seed = 1997;

    /// <summary>The demo's fictional organisations, by a short key the logins refer to.</summary>
    public static class Org
    {
        public const string NorthgateSocialCare = "Northgate Council Children's Social Care";
        public const string SouthvaleSocialCare = "Southvale Council Children's Social Care";
        public const string Police = "Northgate and Southvale Police";
        public const string YouthProject = "Northgate Youth Project";
        public const string HealthTrust = "Northgate and Southvale NHS Trust";
        public const string GpPractice = "Riverside Medical Practice";
        public const string NorthgateAcademy = "Northgate Academy";
        public const string SouthvaleHigh = "Southvale High School";
        public const string Board = "Northgate and Southvale Safeguarding Partnership";
    }

    public const string Northgate = "Northgate";
    public const string Southvale = "Southvale";

    private static readonly (string Name, Agency Kind, string[] Areas)[] Organisations =
    [
        (Org.NorthgateSocialCare, Agency.ChildrensSocialCare, [Northgate]),
        (Org.SouthvaleSocialCare, Agency.ChildrensSocialCare, [Southvale]),
        (Org.Police, Agency.Police, [Northgate, Southvale]),
        (Org.YouthProject, Agency.YouthOutreach, [Northgate]),
        (Org.HealthTrust, Agency.Health, [Northgate, Southvale]),
        (Org.GpPractice, Agency.Health, [Northgate]),
        (Org.NorthgateAcademy, Agency.Education, [Northgate]),
        (Org.SouthvaleHigh, Agency.Education, [Southvale]),
        (Org.Board, Agency.SafeguardingBoard, [Northgate, Southvale]),
    ];

    /// <summary>Demo areas and organisations have ids fixed by their names, so a walkthrough (and a test) can name them.</summary>
    public static Guid IdOf(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("beacon-demo:" + name)));

    public sealed record DemoLogin(string Email, string Organisation, string Role, string Team, string Description);

    /// <summary>The first eleven are the original demo logins (same emails, same abilities); the rest show organisations and areas, and a second manager.</summary>
    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("social.worker@beacon.test", Org.NorthgateSocialCare, BeaconRoles.SocialWorker, "Front door", "Social worker, Children's Social Care (Northgate)"),
        new("team.manager@beacon.test", Org.NorthgateSocialCare, BeaconRoles.TeamManager, "Front door", "Team manager, Children's Social Care (Northgate)"),
        new("police.officer@beacon.test", Org.Police, BeaconRoles.PoliceOfficer, "CSE team", "Police CSE officer (force covering both areas)"),
        new("analyst@beacon.test", Org.Police, BeaconRoles.IntelligenceAnalyst, "Intelligence", "Police intelligence analyst"),
        new("outreach@beacon.test", Org.YouthProject, BeaconRoles.OutreachWorker, "Outreach", "Youth outreach worker"),
        new("health.lead@beacon.test", Org.HealthTrust, BeaconRoles.SafeguardingLead, "Sexual health", "Health safeguarding lead (NHS trust)"),
        new("school.lead@beacon.test", Org.NorthgateAcademy, BeaconRoles.SafeguardingLead, "Schools", "Designated safeguarding lead, Northgate Academy"),
        new("panel.chair@beacon.test", Org.NorthgateSocialCare, BeaconRoles.PanelChair, "CSE panel", "Multi-agency panel chair"),
        new("board.member@beacon.test", Org.Board, BeaconRoles.BoardMember, "Board", "Safeguarding board member"),
        new("auditor@beacon.test", Org.Board, BeaconRoles.Auditor, "Board", "Safeguarding board auditor (both areas)"),
        new("admin@beacon.test", Org.Board, BeaconRoles.Administrator, "Board", "Administrator (accounts only)"),
        new("southvale.worker@beacon.test", Org.SouthvaleSocialCare, BeaconRoles.SocialWorker, "Front door", "Social worker, Children's Social Care (Southvale)"),
        new("southvale.school.lead@beacon.test", Org.SouthvaleHigh, BeaconRoles.SafeguardingLead, "Schools", "Designated safeguarding lead, Southvale High School"),
        new("gp.lead@beacon.test", Org.GpPractice, BeaconRoles.SafeguardingLead, "Practice", "Safeguarding lead, Riverside Medical Practice (GP)"),
        // Approvals need a manager other than the one who proposed: the demo has two.
        new("second.manager@beacon.test", Org.NorthgateSocialCare, BeaconRoles.TeamManager, "Locality team", "Second team manager, Children's Social Care (Northgate)"),
        // Confidential concerns go to the board's independent chair; a vice-chair handles any that name the chair.
        new("independent.chair@beacon.test", Org.Board, BeaconRoles.IndependentChair, "Board", "Independent chair of the safeguarding board"),
        new("vice.chair@beacon.test", Org.Board, BeaconRoles.IndependentChair, "Board", "Independent vice-chair of the safeguarding board"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(Seed) };
        var areas = new[] { Northgate, Southvale }.ToDictionary(n => n, n => Area.Create(n, IdOf(n)));
        db.Areas.AddRange(areas.Values);
        var organisations = Organisations.ToDictionary(o => o.Name, o => Organisation.Create(o.Name, o.Kind, o.Areas.Select(a => areas[a].Id).ToList(), IdOf(o.Name)));
        db.Organisations.AddRange(organisations.Values);
        await db.SaveChangesAsync(ct);

        // Keyed by role and kind for the caseload; the original logins come first, so they win.
        var accounts = new Dictionary<string, BeaconUser>();
        var actors = new Dictionary<string, Actor>();
        foreach (var login in Logins)
        {
            var organisation = organisations[login.Organisation];
            var user = new BeaconUser
            {
                UserName = login.Email,
                Email = login.Email,
                EmailConfirmed = true,
                DisplayName = faker.Name.FullName(),
                OrganisationId = organisation.Id,
                Team = login.Team,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, login.Role));
            accounts.TryAdd(login.Role + organisation.Kind, user);
            actors[user.Id] = new Actor(user.Id, user.DisplayName, organisation.Kind, new HashSet<string> { login.Role }, organisation.Id, organisation.AreaIds.ToList());
        }
        Actor ActorFor(BeaconUser user) => actors[user.Id];

        var socialWorker = accounts[BeaconRoles.SocialWorker + Agency.ChildrensSocialCare];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var creators = new[] { Agency.ChildrensSocialCare, Agency.YouthOutreach, Agency.Police, Agency.Health, Agency.Education };
        var ethnicities = Enum.GetValues<Ethnicity>();
        Child? placedInSouthvale = null;
        for (var i = 0; i < 60; i++)
        {
            // Most children are Northgate's; every fifth is Southvale's.
            var area = i % 5 == 4 ? Southvale : Northgate;
            var gender = faker.Random.WeightedRandom([Gender.Female, Gender.Male, Gender.Other], [0.7f, 0.27f, 0.03f]);
            var dateOfBirth = today.AddDays(-faker.Random.Int(11 * 365, 17 * 365));
            var lookedAfter = faker.Random.Bool(0.25f);
            var outOfArea = lookedAfter && faker.Random.Bool(0.4f);
            // One Northgate child is placed in Southvale, so the demo shows what the host area is told.
            var hostArea = outOfArea && area == Northgate && placedInSouthvale is null ? areas[Southvale].Id : (Guid?)null;
            var school = area == Northgate ? Org.NorthgateAcademy : Org.SouthvaleHigh;
            var creatorKind = faker.PickRandom(creators);
            var creatorOrganisation = creatorKind switch
            {
                Agency.ChildrensSocialCare => organisations[area == Northgate ? Org.NorthgateSocialCare : Org.SouthvaleSocialCare],
                Agency.Police => organisations[Org.Police],
                Agency.YouthOutreach => organisations[Org.YouthProject],
                Agency.Health => organisations[faker.PickRandom(Org.HealthTrust, Org.GpPractice)],
                _ => organisations[school],
            };
            var creator = new Actor("system", "Beacon (system)", creatorOrganisation.Kind, new HashSet<string>(), creatorOrganisation.Id, creatorOrganisation.AreaIds.ToList());
            var child = Child.Create(new ChildDetails(
                    gender == Gender.Male ? faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male) : faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female),
                    faker.Name.LastName(),
                    dateOfBirth, gender, faker.PickRandom(ethnicities),
                    school,
                    lookedAfter,
                    lookedAfter ? faker.PickRandom("Foster care", "Children's home", "Kinship care") : null,
                    outOfArea,
                    socialWorker.Id,
                    hostArea),
                areas[area].Id, creator, today, now);
            // Pupils are known to their school.
            child.Involve(organisations[school], now);
            if (faker.Random.Bool(0.4f)) child.AddAlias(faker.Name.FirstName(), now);
            child.MoveTo(faker.Address.StreetAddress(), faker.Address.City(), faker.Address.ZipCode(), dateOfBirth.AddYears(faker.Random.Int(1, 10)), today);
            db.Children.Add(child);
            if (hostArea is not null)
            {
                placedInSouthvale = child;
                await childOrganisations.InformHostAreaAsync(child, hostAreaBefore: null, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedMissingEpisodesAsync(accounts, ActorFor, now, ct);
        await new DemoCaseload(db, accounts, ActorFor, now).SeedAsync(ct);
    }

    /// <summary>
    /// A few missing episodes so the demo shows each state: a child repeatedly missing, an overdue return home
    /// interview, one still due, and a child missing now.
    /// </summary>
    private async Task SeedMissingEpisodesAsync(Dictionary<string, BeaconUser> accounts, Func<BeaconUser, Actor> actorOf, DateTime now, CancellationToken ct)
    {
        var worker = actorOf(accounts[BeaconRoles.SocialWorker + Agency.ChildrensSocialCare]);
        var outreach = actorOf(accounts[BeaconRoles.OutreachWorker + Agency.YouthOutreach]);
        var police = actorOf(accounts[BeaconRoles.PoliceOfficer + Agency.Police]);
        var northgate = await db.Areas.Where(a => a.Name == Northgate).Select(a => a.Id).SingleAsync(ct);
        var children = await db.Children.Where(c => c.ResponsibleAreaId == northgate).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(4).ToListAsync(ct);
        if (children.Count < 4) return;

        Core.Missing.MissingEpisode Episode(Child child, Actor by, double daysAgo, double hoursAway, double? interviewHoursAfterReturn)
        {
            var episode = Core.Missing.MissingEpisode.Report(child, now.AddDays(-daysAgo), by, now);
            var returned = now.AddDays(-daysAgo).AddHours(hoursAway);
            if (hoursAway > 0 && returned <= now) episode.RecordReturn(returned, by.UserId);
            if (interviewHoursAfterReturn is { } h && returned.AddHours(h) <= now) episode.RecordReturnHomeInterview(returned.AddHours(h), worker.UserId,
                "Said they stayed with friends in town; would not say whose flat. Agreed to see the outreach worker weekly.", raisesConcern: true);
            db.MissingEpisodes.Add(episode);
            return episode;
        }

        // Three episodes in under 90 days: repeatedly missing; one interview was late.
        Episode(children[0], outreach, 70, 20, 30);
        Episode(children[0], worker, 41, 9, 96);
        Episode(children[0], outreach, 9, 26, 48);
        // Back more than 72 hours ago with no interview yet: overdue.
        Episode(children[1], worker, 5, 20, null);
        // Back yesterday: the interview is still due.
        Episode(children[2], worker, 2, 28, null);
        // Missing now, reported by the police (to a child the police already work with, if there is one).
        var policeChild = await db.Children.Where(c => !children.Select(x => x.Id).Take(3).Contains(c.Id)
                && c.Involvements.Any(a => a.Agency == Agency.Police && a.EndedAtUtc == null))
            .OrderBy(c => c.LastName).FirstOrDefaultAsync(ct);
        Episode(policeChild ?? children[3], policeChild is null ? worker : police, 0.25, 0, null);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
