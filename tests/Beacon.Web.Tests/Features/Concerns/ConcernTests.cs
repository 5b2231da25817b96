using System.Net;
using Beacon.Core.Audit;
using Beacon.Core.Whistleblowing;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Concerns;

/// <summary>Confidential concerns: raised by anyone, anonymously, handled by the independent chair, followed up by reference and passphrase.</summary>
public abstract class ConcernTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    /// <summary>Raises a concern as the page does: sent, then redirected to be shown its reference and passphrase once.</summary>
    private static async Task<(string Reference, string Passphrase)> RaiseAsync(BeaconClient client, Dictionary<string, string> fields)
    {
        var sent = await client.SubmitAsync("/Concerns/Raise", "#raise-concern", fields);
        Assert.True(sent.Status == HttpStatusCode.Redirect, string.Join("; ", sent.Errors));
        var shown = await client.GetAsync("/Concerns/Raise");
        var result = (shown.Document.QuerySelector("#reference")!.TextContent.Trim(), shown.Document.QuerySelector("#passphrase")!.TextContent.Trim());
        // A refresh shows the form again: it never sends the concern twice, nor shows the passphrase again.
        Assert.Null((await client.GetAsync("/Concerns/Raise")).Document.QuerySelector("#passphrase"));
        return result;
    }

    [Fact]
    public async Task Anyone_raises_a_concern_anonymously_the_chair_answers_and_the_raiser_follows_it_up_without_saying_who_they_are()
    {
        // Not signed in: an empty concern is refused, a real one gets a reference and a passphrase.
        using var stranger = BeaconClient.For(Factory);
        using (var form = await stranger.Http.GetAsync("/Concerns/Raise"))
            Assert.True(form.Headers.CacheControl?.NoStore, "the reference and passphrase must not be kept by a browser or proxy");
        var empty = await stranger.SubmitAsync("/Concerns/Raise", "#raise-concern", new() { ["What"] = "" });
        Assert.StartsWith("Describe your concern", empty.FieldError("What"));
        var (reference, passphrase) = await RaiseAsync(stranger, new() { ["What"] = "We were told not to record the ethnicity of the men (test)." });

        // Signed in, but choosing anonymity: the account is stored nowhere, not even in the audit log, and nor are the words.
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var workerId = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "social.worker@beacon.test").Select(u => u.Id).SingleAsync());
        var before = await WithDbAsync(Factory, db => db.AuditEntries.MaxAsync(e => e.Sequence));
        var (workerReference, _) = await RaiseAsync(worker, new() { ["What"] = "My manager reduced a case at the forum without a reason (test)." });
        var concern = await WithDbAsync(Factory, db => db.Set<ConfidentialConcern>().AsNoTracking().SingleAsync(c => c.Reference == workerReference));
        Assert.Null(concern.RaisedByUserId);
        var audited = await WithDbAsync(Factory, db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).ToListAsync());
        Assert.NotEmpty(audited);
        Assert.All(audited.Where(e => e.EntityType == nameof(ConfidentialConcern)), e =>
        {
            Assert.NotEqual(workerId, e.ActorUserId);
            Assert.DoesNotContain("reduced a case", e.ChangesJson ?? "");
        });
        // A form-filling robot's post (the hidden field filled) looks sent but stores nothing.
        var concerns = await WithDbAsync(Factory, db => db.Set<ConfidentialConcern>().CountAsync());
        await stranger.SubmitAsync("/Concerns/Raise", "#raise-concern", new() { ["What"] = "Buy cheap watches", ["Website"] = "http://spam.example" });
        Assert.Equal(concerns, await WithDbAsync(Factory, db => db.Set<ConfidentialConcern>().CountAsync()));

        // Only the independent chair sees concerns.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Concerns")).Status);
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/Concerns")).Status);
        using var chair = await BeaconClient.SignedInAsync(Factory, "independent.chair@beacon.test");
        var list = await chair.GetAsync("/Concerns");
        var href = list.Document.QuerySelectorAll("#concerns a").Single(a => a.TextContent == reference).GetAttribute("href")!;
        Assert.Contains("test", (await chair.GetAsync(href)).Document.QuerySelector("#what")!.TextContent);
        // A page opened before another chair's change is refused, not applied over it.
        var stale = await PostAsync(chair, href, "Message", new() { ["Message"] = "From an old page", ["Version"] = "99" });
        Assert.Contains(stale.Errors, e => e.StartsWith("Someone else changed this concern"));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync(href, "#message", new() { ["Message"] = "When was this said?" })).Status);

        // The raiser follows up: a wrong passphrase shows nothing; the right one shows the question and takes a reply.
        // Guesses made at the same moment are each counted, and none fails (four wrong in all: one short of the lock).
        var guesses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => stranger.SubmitAsync("/Concerns/Follow", "#open-concern",
            new() { ["Reference"] = reference, ["Passphrase"] = "ZZZZ-ZZZZ-ZZZZ-ZZZZ" })));
        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.OK, g.Status));
        Assert.Equal(3, await WithDbAsync(Factory, db => db.Set<ConfidentialConcern>().Where(c => c.Reference == reference).Select(c => c.FailedAttempts).SingleAsync()));
        var wrong = await stranger.SubmitAsync("/Concerns/Follow", "#open-concern", new() { ["Reference"] = reference, ["Passphrase"] = "AAAA-BBBB-CCCC-DDDD" });
        Assert.Null(wrong.Document.QuerySelector("#messages"));
        Assert.Contains("do not match a concern", wrong.FieldError("Reference"));
        var opened = await stranger.SubmitAsync("/Concerns/Follow", "#open-concern", new() { ["Reference"] = reference.ToLowerInvariant(), ["Passphrase"] = passphrase });
        Assert.Contains("When was this said?", opened.Document.QuerySelector("#messages")!.TextContent);
        var replied = await stranger.SubmitAsync(opened, "#reply", new() { ["Reply"] = "At the team meeting on Monday." }, "/Concerns/Follow");
        Assert.Contains("At the team meeting on Monday.", replied.Document.QuerySelector("#messages")!.TextContent);

        // Closing needs an outcome for the raiser, who then reads it.
        Assert.Contains((await chair.SubmitAsync(href, "#close", new() { ["Outcome"] = "" })).Errors, e => e.StartsWith("Write the outcome"));
        Assert.Equal("Confirm that the raiser can no longer reply once the concern is closed",
            (await chair.SubmitAsync(href, "#close", new() { ["Outcome"] = "The instruction was withdrawn; every team now records ethnicity." })).FieldError("CloseConfirmed"));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync(href, "#close", new() { ["Outcome"] = "The instruction was withdrawn; every team now records ethnicity.", ["CloseConfirmed"] = "true" })).Status);
        var closed = await stranger.SubmitAsync("/Concerns/Follow", "#open-concern", new() { ["Reference"] = reference, ["Passphrase"] = passphrase });
        Assert.Contains("The instruction was withdrawn", closed.Document.QuerySelector("#outcome")!.TextContent);
        Assert.Null(closed.Document.QuerySelector("#reply"));
    }

    [Fact]
    public async Task A_concern_that_names_the_chair_goes_to_the_vice_chair_and_disappears_for_the_chair()
    {
        using var stranger = BeaconClient.For(Factory);
        var (reference, _) = await RaiseAsync(stranger, new() { ["What"] = "The independent chair was told about reduced cases and did nothing (test).", ["About"] = "The chair" });
        using var vice = await BeaconClient.SignedInAsync(Factory, "vice.chair@beacon.test");
        var href = (await vice.GetAsync("/Concerns")).Document.QuerySelectorAll("#concerns a").Single(a => a.TextContent == reference).GetAttribute("href")!;
        var chairId = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "independent.chair@beacon.test").Select(u => u.Id).SingleAsync());
        var viceId = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "vice.chair@beacon.test").Select(u => u.Id).SingleAsync());
        // Nobody records themselves (it would lock them out of a concern they may still need to hand over).
        Assert.DoesNotContain(viceId, (await vice.GetAsync(href)).Document.QuerySelectorAll("#NamedUserId option").Select(o => o.GetAttribute("value")));
        Assert.StartsWith("You cannot record yourself", (await PostAsync(vice, href, "Name", new() { ["NamedUserId"] = viceId })).FieldError("NamedUserId"));
        Assert.Equal(HttpStatusCode.Redirect, (await vice.SubmitAsync(href, "#name-person", new() { ["NamedUserId"] = chairId })).Status);
        // Named, the chair cannot be given it, does not see it listed, and cannot open it.
        Assert.DoesNotContain(chairId, (await vice.GetAsync(href)).Document.QuerySelectorAll("#assign option").Select(o => o.GetAttribute("value")));
        Assert.Contains((await PostAsync(vice, href, "Assign", new() { ["AssignTo"] = chairId })).Errors, e => e == "Choose an independent chair");
        using var chair = await BeaconClient.SignedInAsync(Factory, "independent.chair@beacon.test");
        Assert.DoesNotContain(reference, (await chair.GetAsync("/Concerns")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync(href)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(chair, href, "Close", new() { ["Outcome"] = "Nothing to see" })).Status);
    }
}

public sealed class SqliteConcernTests(SqliteBeacon beacon) : ConcernTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresConcernTests(PostgresBeacon beacon) : ConcernTests(beacon), IClassFixture<PostgresBeacon>;

/// <summary>The open forms' rate limit, on a Beacon of its own (every test client shares one address).</summary>
public sealed class ConcernRateLimitTests : IAsyncLifetime
{
    private BeaconFactory? _factory;

    public async ValueTask InitializeAsync() => _factory = await BeaconFactory.StartAsync(settings: new() { ["Beacon:Concerns:PostsPerTenMinutes"] = "3" });
    public async ValueTask DisposeAsync() { if (_factory is not null) await _factory.DisposeAsync(); }

    [Fact]
    public async Task Too_many_posts_from_one_address_are_refused_with_a_plain_message()
    {
        using var stranger = BeaconClient.For(_factory!);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await stranger.SubmitAsync("/Concerns/Follow", "#open-concern", new() { ["Reference"] = "CC-AAAA-BBBB", ["Passphrase"] = "x" })).Status);
        var refused = await stranger.SubmitAsync("/Concerns/Follow", "#open-concern", new() { ["Reference"] = "CC-AAAA-BBBB", ["Passphrase"] = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Wait ten minutes", refused.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Http.GetAsync("/Concerns/Follow")).StatusCode); // reading is never limited
    }
}
