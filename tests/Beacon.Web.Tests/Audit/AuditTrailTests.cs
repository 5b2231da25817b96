using System.Net;
using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Tests.Data;
using Beacon.Web.Tests.Features.Children;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Audit;

/// <summary>Every change of a child's data is appended to one hash chain, with who, what, before and after.</summary>
public abstract class AuditTrailTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    private static readonly Actor Worker = new("audit-worker-7", "Wren Audit-Worker", Agency.YouthOutreach, new HashSet<string> { BeaconRoles.OutreachWorker });

    [Fact]
    public async Task Every_change_of_a_child_is_recorded_with_actor_values_and_child_id()
    {
        ActAs(Worker);
        var start = (await AuditLogAsync()).Count;
        var child = NewChild(Unique("Audited"));
        var alias = child.AddAlias("Birdie", DateTime.UtcNow);
        var id = await AddChildAsync(child);

        var created = (await AuditLogAsync()).Skip(start).ToList();
        Assert.Contains(created, e => e is { Action: AuditAction.Created, EntityType: nameof(Child) } && e.EntityId == id.ToString());
        Assert.Contains(created, e => e is { Action: AuditAction.Created, EntityType: nameof(ChildAlias) } && e.EntityId == alias.Id.ToString());
        Assert.Equal(1, created.Count(e => e is { Action: AuditAction.Created, EntityType: nameof(OrganisationInvolvement) }));
        var childCreated = created.Single(e => e.EntityType == nameof(Child));
        var createdFields = AuditChanges.FromJson(childCreated.ChangesJson);
        Assert.Contains(createdFields, f => f is { Field: nameof(Child.LastName), Before: null } && f.After == child.LastName);
        Assert.DoesNotContain(createdFields, f => f.Field == nameof(Child.Version));

        // Change details, withdraw the alias, end an agency's involvement: three saves, each audited.
        await ChangeAsync(id, c => c.UpdateDetails(DetailsOf(c, "Harbour Academy (fictional)"), Today));
        await ChangeAsync(id, c => c.WithdrawAlias(alias.Id, "Not this child's alias", DateTime.UtcNow));
        await ChangeAsync(id, c => c.EndInvolvement(DemoWorld.OrganisationOf(Agency.YouthOutreach).Id, DateTime.UtcNow));

        var log = await AuditLogAsync();
        var mine = log.Skip(start).ToList();
        Assert.All(mine, e =>
        {
            Assert.Equal(id, e.ChildId);
            Assert.Equal(Worker.UserId, e.ActorUserId);
            Assert.Equal(Worker.Name, e.ActorName);
            Assert.Equal(nameof(Agency.YouthOutreach), e.ActorAgency);
        });

        var school = mine.Single(e => e.Action == AuditAction.Updated && e.EntityType == nameof(Child)
            && AuditChanges.FromJson(e.ChangesJson).Any(f => f.Field == nameof(Child.School)));
        Assert.Equal([new FieldChange(nameof(Child.School), null, "Harbour Academy (fictional)")], AuditChanges.FromJson(school.ChangesJson));
        Assert.Equal(id.ToString(), school.EntityId);

        var withdrawn = mine.Single(e => e is { Action: AuditAction.Updated, EntityType: nameof(ChildAlias) });
        Assert.Contains(new FieldChange(nameof(ChildAlias.WithdrawnReason), null, "Not this child's alias"), AuditChanges.FromJson(withdrawn.ChangesJson));

        var ended = mine.Single(e => e is { Action: AuditAction.Updated, EntityType: nameof(OrganisationInvolvement) });
        var endedAt = Assert.Single(AuditChanges.FromJson(ended.ChangesJson));
        Assert.Equal(nameof(OrganisationInvolvement.EndedAtUtc), endedAt.Field);
        Assert.Null(endedAt.Before);
        Assert.EndsWith("Z", endedAt.After); // recorded as UTC

        AssertOneUnbrokenChain(log);
    }

    // Parts added to a loaded child must be INSERTed: the domain assigns ids, so EF must never generate them.
    [Fact]
    public async Task Parts_added_to_a_saved_child_are_inserted_and_audited()
    {
        ActAs(Worker);
        var id = await AddChildAsync(NewChild(Unique("Addparts")));
        var start = (await AuditLogAsync()).Count;

        await ChangeAsync(id, c => c.AddAlias("Later alias", DateTime.UtcNow));
        await ChangeAsync(id, c => c.InvolveOrganisationOf(TestActor(agency: Agency.Health, roles: BeaconRoles.SafeguardingLead), DateTime.UtcNow));
        await ChangeAsync(id, c => c.Restrict(Worker.UserId, DateTime.UtcNow));

        var mine = (await AuditLogAsync()).Skip(start).ToList();
        Assert.Contains(mine, e => e is { Action: AuditAction.Created, EntityType: nameof(ChildAlias) } && e.ChildId == id);
        Assert.Contains(mine, e => e is { Action: AuditAction.Created, EntityType: nameof(OrganisationInvolvement) } && e.ChildId == id);
        Assert.Contains(mine, e => e is { Action: AuditAction.Created, EntityType: nameof(ChildAccessGrant) } && e.ChildId == id);
        var restricted = mine.Single(e => e.Action == AuditAction.Updated && e.EntityType == nameof(Child));
        Assert.Equal([new FieldChange(nameof(Child.IsRestricted), "False", "True")], AuditChanges.FromJson(restricted.ChangesJson));
    }

    [Fact]
    public async Task A_view_is_recorded_against_the_child()
    {
        ActAs(Worker);
        var id = await AddChildAsync(NewChild(Unique("Viewed")));
        await using (var scope = Scope())
        {
            var child = await Db(scope).Children.SingleAsync(c => c.Id == id, Ct);
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordViewAsync(child, "child's record", Ct);
        }
        var view = (await AuditLogAsync())[^1];
        Assert.Equal(AuditAction.Viewed, view.Action);
        Assert.Equal(id, view.ChildId);
        Assert.Equal(Worker.UserId, view.ActorUserId);
        Assert.Null(view.ChangesJson);
    }

    [Fact]
    public async Task Changes_made_through_the_web_are_recorded_under_the_signed_in_person()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(client, new()
        {
            ["Input.FirstName"] = "Webby",
            ["Input.LastName"] = Unique("Pipeline"),
            ["Input.DateOfBirth.Day"] = "2",
            ["Input.DateOfBirth.Month"] = "7",
            ["Input.DateOfBirth.Year"] = "2011",
            ["Input.Gender"] = "Female",
            ["Input.Ethnicity"] = "NotRecorded",
        });
        var id = Guid.Parse(location.Split('/')[^1]);
        var edit = await client.GetAsync(location + "/Edit");
        var saved = await client.SubmitAsync(edit, "main form", new() { ["Input.School"] = "Web Academy (fictional)" }, location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await client.GetAsync(location);

        var user = await InScopeAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "social.worker@beacon.test", Ct));
        var log = await AuditLogAsync();
        var entries = log.Where(e => e.ChildId == id).ToList();
        Assert.All(entries, e =>
        {
            Assert.Equal(user.Id, e.ActorUserId);
            Assert.Equal(user.DisplayName, e.ActorName);
            Assert.Equal(nameof(Agency.ChildrensSocialCare), e.ActorAgency);
        });
        Assert.Contains(entries, e => e is { Action: AuditAction.Created, EntityType: nameof(Child) });
        Assert.Contains(entries, e => e.Action == AuditAction.Viewed);
        var change = entries.Single(e => e is { Action: AuditAction.Updated, EntityType: nameof(Child) });
        Assert.Contains(new FieldChange(nameof(Child.School), null, "Web Academy (fictional)"), AuditChanges.FromJson(change.ChangesJson));
        AssertOneUnbrokenChain(log);
    }

    [Fact]
    public async Task Parallel_saves_from_many_scopes_leave_one_unbroken_chain()
    {
        ActAs(Worker);
        const int tasks = 20;
        var ids = new List<Guid>();
        for (var i = 0; i < tasks; i++) ids.Add(await AddChildAsync(NewChild(Unique("Parallel"))));
        var before = (await AuditLogAsync()).Count;

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = ids.Select((id, i) => Task.Run(async () =>
        {
            await gate.Task;
            await using var scope = Scope();
            var db = Db(scope);
            var child = await db.Children.SingleAsync(c => c.Id == id, Ct);
            child.UpdateDetails(DetailsOf(child, $"School {i} (fictional)"), Today);
            await db.SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordViewAsync(child, "child's record", Ct);
        }, Ct)).ToList();
        gate.SetResult();
        await Task.WhenAll(work);

        var log = await AuditLogAsync();
        Assert.Equal(before + 2 * tasks, log.Count);
        Assert.All(ids, id => Assert.Equal(2, log.Skip(before).Count(e => e.ChildId == id)));
        AssertOneUnbrokenChain(log);
    }

    /// <summary>
    /// Views from many requests at once are committed together (one save, one flush), each request carrying on once its
    /// own entry is in: every view is on the chain, unbroken, and they took far fewer saves than there were views.
    /// Each request has read its child before any records its view, so the views arrive together however busy the
    /// machine is (started as tasks that each read first, they were sometimes spread out enough to be saved one by one).
    /// </summary>
    [Fact]
    public async Task Views_from_many_requests_at_once_are_committed_together_and_none_is_lost()
    {
        ActAs(Worker);
        var id = await AddChildAsync(NewChild(Unique("Viewed")));
        const int views = 40;
        var before = (await AuditLogAsync()).Count;

        var requests = new List<(AsyncServiceScope Scope, Child Child)>();
        try
        {
            for (var i = 0; i < views; i++)
            {
                var scope = Scope();
                requests.Add((scope, await Db(scope).Children.SingleAsync(c => c.Id == id, Ct)));
            }
            await Task.WhenAll(requests.Select((r, i) =>
                r.Scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordViewAsync(r.Child, $"child's record ({i})", Ct)));
        }
        finally
        {
            foreach (var r in requests) await r.Scope.DisposeAsync();
        }

        var log = await AuditLogAsync();
        var viewed = log.Skip(before).Where(e => e.ChildId == id && e.Action == AuditAction.Viewed).ToList();
        Assert.Equal(views, viewed.Count);
        Assert.Equal(views, viewed.Select(e => e.Summary).Distinct().Count());
        AssertOneUnbrokenChain(log);
        // One save stamps its entries with one time: several views per save. Without grouping there are exactly as many
        // saves as views; with it, the first view's save is under way while the rest wait, and they go in the next one or two.
        var saves = viewed.Select(e => e.OccurredAtUtc).Distinct().Count();
        Assert.True(saves <= views / 4, $"{saves} saves for {views} views");
    }

    [Fact]
    public async Task The_whole_table_verifies_as_one_chain()
    {
        await AddChildAsync(NewChild(Unique("Whole")));
        var log = await AuditLogAsync();
        var result = AuditChain.Verify(log);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(log.Count, result.EntriesChecked);
        Assert.Equal(log[^1].Hash, result.HeadHash);
        Assert.True(AuditChain.Verify(log, log[log.Count / 2].Hash).IsIntact);
    }

    private async Task ChangeAsync(Guid id, Action<Child> change)
    {
        await using var scope = Scope();
        var db = Db(scope);
        var child = await db.Children.Include(c => c.Aliases).Include(c => c.Involvements).Include(c => c.AccessGrants).AsSplitQuery().SingleAsync(c => c.Id == id, Ct);
        change(child);
        await db.SaveChangesAsync(Ct);
    }

    internal static void AssertOneUnbrokenChain(IReadOnlyList<AuditEntry> log)
    {
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash, log[0].PreviousHash);
        for (var i = 1; i < log.Count; i++)
            Assert.True(log[i].PreviousHash == log[i - 1].Hash, $"Entry {log[i].Sequence} does not link to entry {log[i - 1].Sequence}");
        var result = AuditChain.Verify(log);
        Assert.True(result.IsIntact, result.Message);
    }
}

public sealed class SqliteAuditTrailTests(SqliteBeacon fixture) : AuditTrailTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresAuditTrailTests(PostgresBeacon fixture) : AuditTrailTests(fixture), IClassFixture<PostgresBeacon>;
