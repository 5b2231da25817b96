using System.Diagnostics;
using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Panel;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// Years of a panel's meetings for the `generate` verb: fortnightly meetings of the demo chair's panel, each with up to
/// <see cref="PanelMeetings.MostOnOneAgenda"/> children from the list discussed, actions agreed for them (most done,
/// some late, the latest still open) and the occasional approved removal. Made through the domain's own methods, so
/// the agenda and the figures are measured over records like the ones real meetings leave.
/// </summary>
public sealed class PanelHistoryData(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record Totals(int Meetings, int Discussed, int Actions, int Removals, TimeSpan Took);

    public async Task<Totals> GenerateAsync(int years, int actions, int seed, TextWriter progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        Actor chair, police;
        List<Guid> listed;
        List<(string UserId, Guid OrganisationId)> owners;
        string proposer;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<UserManager<BeaconUser>>();
            var actors = services.GetRequiredService<AccountActors>();
            async Task<Actor> Demo(string email) => await actors.ActorAsync((await users.FindByEmailAsync(email))?.Id ?? "", ct)
                ?? throw new InvalidOperationException($"The demo login {email} is missing: generate needs the demo data.");
            chair = await Demo("panel.chair@beacon.test");
            police = await Demo("police.officer@beacon.test");
            proposer = (await Demo("social.worker@beacon.test")).UserId;
            // The children the chair's panel lists, longest listed first, so the history follows the list.
            listed = await services.GetRequiredService<PanelLists>().List(chair).OrderBy(r => r.ListedSinceUtc).Select(r => r.ChildId).Take(5_000).ToListAsync(ct);
            var db = services.GetRequiredService<BeaconDbContext>();
            var areas = chair.AreaIds.ToList();
            var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
            owners = (await db.Users.Where(u => organisations.Contains(u.OrganisationId)).OrderBy(u => u.Email).Take(200)
                .Select(u => new { u.Id, u.OrganisationId }).ToListAsync(ct)).Select(u => (u.Id, u.OrganisationId)).ToList();
        }
        if (listed.Count == 0 || owners.Count == 0) return new(0, 0, 0, 0, watch.Elapsed);

        // Fortnightly, ending a week ago; each meeting agrees its share of the actions.
        var meetings = Math.Max(1, years * 26);
        var perMeeting = Math.Max(1, actions / meetings);
        var first = now.AddDays(-7 - 14 * (meetings - 1));
        int discussed = 0, agreed = 0, removals = 0, cursor = 0;
        var today = UkTime.ToUkDate(now);
        for (var m = 0; m < meetings; m++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var startsAt = UkClock.ToUtc(UkTime.ToUkDate(first.AddDays(14 * m)), new TimeOnly(10, 0));
            var meeting = PanelMeeting.Schedule(chair.OrganisationId, startsAt, "Committee Room 2 (generated)", chair.UserId, startsAt.AddDays(-14));
            var onAgenda = Enumerable.Range(0, Math.Min(PanelMeetings.MostOnOneAgenda, listed.Count)).Select(i => listed[(cursor + i) % listed.Count]).Distinct().ToList();
            cursor += onAgenda.Count / 2; // half the children come back at the next meeting
            foreach (var childId in onAgenda) meeting.AddToAgenda(childId, faker.PickRandom<AgendaReason>());
            meeting.TakeAttendance([new PanelAttendee(chair.Name, Agency.ChildrensSocialCare, chair.OrganisationId, chair.UserId),
                new PanelAttendee(police.Name, Agency.Police, police.OrganisationId, police.UserId)], startsAt);
            foreach (var item in meeting.Agenda)
                meeting.RecordDiscussion(item.Id, "Discussed the latest concerns and the plan (generated).", "Stay on the list; actions agreed (generated).", chair.UserId, startsAt.AddHours(1));
            discussed += onAgenda.Count;
            db.Add(meeting);
            var agreedOn = UkTime.ToUkDate(startsAt);
            for (var a = 0; a < perMeeting; a++)
            {
                var owner = faker.PickRandom(owners);
                var action = AgreedAction.Agree(onAgenda[a % onAgenda.Count], null, ActionSource.Panel, faker.PickRandom(ActionTexts), owner.UserId, owner.OrganisationId,
                    agreedOn.AddDays(faker.Random.Int(7, 42)), chair.UserId, startsAt.AddHours(1), meeting.Id);
                // Most actions are done, a few late; the last months' are partly still open.
                var doneOn = action.DueOn.AddDays(faker.Random.Bool(0.85f) ? -faker.Random.Int(0, 6) : faker.Random.Int(1, 20));
                if (doneOn < agreedOn) doneOn = agreedOn;
                if (doneOn < today && faker.Random.Bool(action.DueOn < today.AddMonths(-3) ? 0.98f : 0.6f))
                    action.MarkDone(doneOn, "Done and recorded on the child's record (generated).", owner.UserId, now);
                db.Add(action);
                agreed++;
            }
            // About one child a meeting leaves the list, each removal proposed and approved on the record.
            var leaving = onAgenda[^1];
            if (!await db.Set<PanelListing>().AnyAsync(l => l.ChildId == leaving, ct))
            {
                var listing = PanelListing.ByRule(leaving, ListingReason.CurrentRisk, startsAt.AddDays(-30));
                listing.ProposeRemoval(RemovalCategory.MovedOutOfAreaHandedOver, "Moved to another area; the receiving panel has the file and confirmed the handover (generated).",
                    proposer, null, startsAt.AddHours(2));
                listing.ApproveRemoval(chair.UserId, null, startsAt.AddHours(3));
                db.Add(listing);
                removals++;
            }
            await db.SaveChangesAsync(ct);
            if (m % 26 == 25 || m == meetings - 1)
                await progress.WriteLineAsync($"  {m + 1:N0} panel meetings, {agreed:N0} actions ({watch.Elapsed.TotalSeconds:N0} s)");
        }
        return new(meetings, discussed, agreed, removals, watch.Elapsed);
    }

    private static readonly string[] ActionTexts =
    [
        "Share the latest missing episode with the police CSE team (generated).",
        "Arrange a return home interview within 72 hours (generated).",
        "School to report attendance weekly to the key worker (generated).",
        "Youth outreach to offer weekly sessions (generated).",
        "Health to offer a sexual health appointment (generated).",
        "Review the disruption plan for the address of concern (generated).",
    ];
}
