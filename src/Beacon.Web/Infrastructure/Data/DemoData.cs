using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Identity;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// Synthetic demo data for a new database. Every person is generated and fictional; the fixed seed makes
/// the same demo each time so a walkthrough can be repeated.
/// </summary>
public sealed class DemoData(BeaconDbContext db, UserManager<BeaconUser> users, TimeProvider clock)
{
    public const string Password = "Beacon-Demo-2026";
    private const int Seed = 1997;

    public sealed record DemoLogin(string Email, Agency Agency, string Role, string Team, string Description);

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("social.worker@beacon.test", Agency.ChildrensSocialCare, BeaconRoles.SocialWorker, "Front door", "Social worker, Children's Social Care"),
        new("team.manager@beacon.test", Agency.ChildrensSocialCare, BeaconRoles.TeamManager, "Front door", "Team manager, Children's Social Care"),
        new("police.officer@beacon.test", Agency.Police, BeaconRoles.PoliceOfficer, "CSE team", "Police CSE officer"),
        new("analyst@beacon.test", Agency.Police, BeaconRoles.IntelligenceAnalyst, "Intelligence", "Police intelligence analyst"),
        new("outreach@beacon.test", Agency.YouthOutreach, BeaconRoles.OutreachWorker, "Outreach", "Youth outreach worker"),
        new("health.lead@beacon.test", Agency.Health, BeaconRoles.SafeguardingLead, "Sexual health", "Health safeguarding lead"),
        new("school.lead@beacon.test", Agency.Education, BeaconRoles.SafeguardingLead, "Schools", "Designated safeguarding lead, Education"),
        new("panel.chair@beacon.test", Agency.ChildrensSocialCare, BeaconRoles.PanelChair, "CSE panel", "Multi-agency panel chair"),
        new("board.member@beacon.test", Agency.SafeguardingBoard, BeaconRoles.BoardMember, "Board", "Safeguarding board member"),
        new("auditor@beacon.test", Agency.SafeguardingBoard, BeaconRoles.Auditor, "Board", "Safeguarding board auditor"),
        new("admin@beacon.test", Agency.SafeguardingBoard, BeaconRoles.Administrator, "Board", "Administrator (accounts only)"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(Seed) };
        var accounts = new Dictionary<string, BeaconUser>();
        foreach (var login in Logins)
        {
            var user = new BeaconUser
            {
                UserName = login.Email,
                Email = login.Email,
                EmailConfirmed = true,
                DisplayName = faker.Name.FullName(),
                Agency = login.Agency,
                Team = login.Team,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, login.Role));
            accounts[login.Role + login.Agency] = user;
        }

        var socialWorker = accounts[BeaconRoles.SocialWorker + Agency.ChildrensSocialCare];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var creators = new[] { Agency.ChildrensSocialCare, Agency.YouthOutreach, Agency.Police, Agency.Health, Agency.Education };
        var ethnicities = Enum.GetValues<Ethnicity>();
        for (var i = 0; i < 60; i++)
        {
            var gender = faker.Random.WeightedRandom([Gender.Female, Gender.Male, Gender.Other], [0.7f, 0.27f, 0.03f]);
            var dateOfBirth = today.AddDays(-faker.Random.Int(11 * 365, 17 * 365));
            var lookedAfter = faker.Random.Bool(0.25f);
            var child = Child.Create(new ChildDetails(
                    gender == Gender.Male ? faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male) : faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female),
                    faker.Name.LastName(),
                    dateOfBirth, gender, faker.PickRandom(ethnicities),
                    $"{faker.Address.City()} {faker.PickRandom("Academy", "High School", "College")} (fictional)",
                    lookedAfter,
                    lookedAfter ? faker.PickRandom("Foster care", "Children's home", "Kinship care") : null,
                    lookedAfter && faker.Random.Bool(0.4f),
                    socialWorker.Id),
                faker.PickRandom(creators), "system", today, now);
            if (faker.Random.Bool(0.4f)) child.AddAlias(faker.Name.FirstName(), now);
            child.MoveTo(faker.Address.StreetAddress(), faker.Address.City(), faker.Address.ZipCode(), dateOfBirth.AddYears(faker.Random.Int(1, 10)), today);
            db.Children.Add(child);
        }
        await db.SaveChangesAsync(ct);
        await SeedMissingEpisodesAsync(accounts, now, ct);
        await new DemoCaseload(db, accounts, now).SeedAsync(ct);
    }

    /// <summary>
    /// A few missing episodes so the demo shows each state: a child repeatedly missing, an overdue return home
    /// interview, one still due, and a child missing now.
    /// </summary>
    private async Task SeedMissingEpisodesAsync(Dictionary<string, BeaconUser> accounts, DateTime now, CancellationToken ct)
    {
        var worker = accounts[BeaconRoles.SocialWorker + Agency.ChildrensSocialCare].Id;
        var outreach = accounts[BeaconRoles.OutreachWorker + Agency.YouthOutreach].Id;
        var police = accounts[BeaconRoles.PoliceOfficer + Agency.Police].Id;
        var children = await db.Children.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(4).ToListAsync(ct);
        if (children.Count < 4) return;

        Core.Missing.MissingEpisode Episode(Child child, string by, double daysAgo, double hoursAway, double? interviewHoursAfterReturn)
        {
            var episode = Core.Missing.MissingEpisode.Report(child.Id, now.AddDays(-daysAgo), by);
            var returned = now.AddDays(-daysAgo).AddHours(hoursAway);
            if (hoursAway > 0 && returned <= now) episode.RecordReturn(returned, by);
            if (interviewHoursAfterReturn is { } h && returned.AddHours(h) <= now) episode.RecordReturnHomeInterview(returned.AddHours(h), worker);
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
                && c.Agencies.Any(a => a.Agency == Agency.Police && a.EndedAtUtc == null))
            .OrderBy(c => c.LastName).FirstOrDefaultAsync(ct);
        Episode(policeChild ?? children[3], policeChild is null ? worker : police, 0.25, 0, null);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
