using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Identity;
using Bogus;
using Microsoft.AspNetCore.Identity;

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
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
