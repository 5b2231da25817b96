using Beacon.Core.Children;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Features.Children;

/// <summary>How names are folded into the words search matches by prefix.</summary>
public sealed class ChildNameWordsTests
{
    [Theory]
    [InlineData("Smith", "smith")]
    [InlineData("  Zoë ", "zoe")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Mary Ann", "mary|ann")]
    [InlineData("Smith-Jones", "smith|jones|smithjones")]
    [InlineData("Chloé-Renée", "chloe|renee|chloerenee")]
    [InlineData("Łukasik", "lukasik")]
    [InlineData("Søren Đorđević", "soren|dordevic")]
    [InlineData("Straße", "strasse")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_fold_to_lower_case_words_without_accents_or_apostrophes(string? name, string words) =>
        Assert.Equal(words, string.Join('|', ChildNameToken.Words(name)));

    [Fact]
    public void Sort_keys_put_names_in_a_readers_order()
    {
        string[] names = ["Zych, Anna", "Ćwik, Ola", "czajka, Piotr", "Smith-Jones, Amy", "Smithson, Adam", "Smith, Zara", "Émond, Luc", "O'Brien, Sean", "Oakes, Ben"];
        var sorted = names.OrderBy(n => NameFolding.SortKey(n.Split(", ")[0], n.Split(", ")[1]), StringComparer.Ordinal).ToList();
        Assert.Equal(["Ćwik, Ola", "czajka, Piotr", "Émond, Luc", "Oakes, Ben", "O'Brien, Sean", "Smith, Zara", "Smith-Jones, Amy", "Smithson, Adam", "Zych, Anna"], sorted);
    }

    [Fact]
    public void The_upper_bound_of_a_prefix_is_just_after_every_word_it_starts()
    {
        var bound = ChildNameToken.UpperBound("smi");
        Assert.True(string.CompareOrdinal("smith", bound) < 0);
        Assert.True(string.CompareOrdinal("smizzz", bound) < 0);
        Assert.True(string.CompareOrdinal("smj", bound) >= 0);
        Assert.True(string.CompareOrdinal("smi", "smi") >= 0);
    }
}

/// <summary>Search through the page: the start of any name or current alias, however it was written.</summary>
public abstract class NameSearchTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private async Task<List<string>> FoundAsync(BeaconClient client, string name) =>
        (await client.GetAsync($"/Children?Name={Uri.EscapeDataString(name)}")).Document.QuerySelectorAll("table a")
            .Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Children_are_listed_in_name_order_with_accented_names_among_the_others()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        foreach (var last in new[] { "Zych", "Ćwik", "czajka", "Émond", "Cwalina" })
            await ChildRecordTests.CreateChildAsync(client, new(Referrals.ReferralSteps.NewChild("Wenceslas", last)));
        var names = (await client.GetAsync("/Children?Name=Wenceslas")).Document.QuerySelectorAll("table tbody tr a")
            .Select(a => a.TextContent.Trim().Replace("Wenceslas ", "")).ToList();
        // Not by the characters' codes (which put Ć and É after z, and lower case after upper): as a reader expects.
        Assert.Equal(["Cwalina", "Ćwik", "czajka", "Émond", "Zych"], names);

        // The results download as CSV in the same order, the download audited as an export.
        var page = await client.GetAsync("/Children?Name=Wenceslas");
        using var csv = await client.Http.GetAsync(page.Document.QuerySelector("#download-csv")!.GetAttribute("href"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Also known as,Date of birth,Looked after,Restricted record", lines[0]);
        Assert.Equal(["Wenceslas Cwalina", "Wenceslas Ćwik", "Wenceslas czajka", "Wenceslas Émond", "Wenceslas Zych"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.True(await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.AuditEntries.AnyAsync(e => e.EntityType == "ChildSearch" && e.Action == Core.Audit.AuditAction.Exported)));
    }

    [Fact]
    public async Task Children_recorded_before_sort_names_get_theirs_on_start()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(client, new(Referrals.ReferralSteps.NewChild("Anaïs", "Łukasik")));
        var id = Guid.Parse(location.Split('/')[2]);
        // As a database from before the column: the key is empty.
        await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Children.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.SortName, "")));
        await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>().Where(p => p.ChildId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SortName, "")));
        await ReadModels.RebuildMissingAsync(Factory.Services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        Assert.Equal("lukasik\u0001anais", await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Children.Where(c => c.Id == id).Select(c => c.SortName).SingleAsync()));
        // The risk position's copy, which its lists sort by, follows.
        Assert.Equal("lukasik\u0001anais", await Referrals.ReferralSteps.WithDbAsync(Factory, db =>
            db.Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>().Where(p => p.ChildId == id).Select(p => p.SortName).SingleAsync()));
        // Filling it in is not a change to the child's record: nothing about it reaches the audit log.
        Assert.False(await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.AuditEntries.AnyAsync(e => e.ChangesJson != null && e.ChangesJson.Contains("SortName"))));
    }

    [Fact]
    public async Task A_child_is_found_by_the_start_of_any_of_their_names_however_it_is_typed()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(client, new(Referrals.ReferralSteps.NewChild("Zoë", "O'Brien-Hale")) { ["Alias"] = "Bluebell" });

        foreach (var typed in new[] { "zoe", "Zoë", "ZO", "obrien", "O'Brien", "hale", "obrienhale", "Obrien-Hale", "blue", "zoe hale", "hale zo" })
            Assert.Contains(location, await FoundAsync(client, typed));
        // Words are matched from their start, and every word typed must match.
        foreach (var typed in new[] { "brien", "bell", "zoe smith", "x" })
            Assert.DoesNotContain(location, await FoundAsync(client, typed));
    }

    [Fact]
    public async Task A_referrals_or_cases_reference_finds_its_child_for_those_who_may_see_the_child()
    {
        // A referral and a case about Northgate children, whom the Northgate social worker sees.
        var northgate = await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Areas.Where(a => a.Name == "Northgate").Select(a => a.Id).SingleAsync());
        var found = await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Referrals
            .Where(r => db.Children.Any(c => c.Id == r.ChildId && c.ResponsibleAreaId == northgate && !c.IsRestricted))
            .OrderBy(r => r.ReceivedAtUtc).Select(r => new { r.Reference, r.ChildId }).FirstAsync());
        var (referral, childId) = (found.Reference, found.ChildId);
        var caseReference = await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Cases
            .Where(c => db.Children.Any(ch => ch.Id == c.ChildId && ch.ResponsibleAreaId == northgate && !ch.IsRestricted)).Select(c => c.Reference).FirstAsync());
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Matches("^R-[0-9A-F]{5}-[0-9A-F]{5}$", referral);
        // Typed as people type it: any case, with or without dashes, en dashes pasted from a letter, or without the R.
        foreach (var typed in new[] { referral, referral.ToLowerInvariant(), referral.Replace("-", ""), referral.Replace("-", " "),
                     referral.Replace("-", "\u2013"), referral[2..] })
        {
            var page = await worker.GetAsync("/Children?Name=" + Uri.EscapeDataString(typed));
            Assert.Contains($"/Children/{childId}", page.Document.QuerySelector("table")?.InnerHtml ?? "");
            Assert.Contains(referral, page.Document.QuerySelector("#found-by-reference")!.TextContent);
        }
        var byCase = await worker.GetAsync("/Children?Name=" + caseReference);
        Assert.Contains(caseReference, byCase.Document.QuerySelector("#found-by-reference")!.TextContent);
        // Without its letter the digits could be a referral's or a case's: whichever exists is found.
        var caseWithoutLetter = await worker.GetAsync("/Children?Name=" + Uri.EscapeDataString(caseReference[2..].Replace("-", "\u2014")));
        Assert.Contains(caseReference, caseWithoutLetter.Document.QuerySelector("#found-by-reference")!.TextContent);
        var caseUrl = byCase.Document.QuerySelector("#found-by-reference a")!.GetAttribute("href")!;
        Assert.Contains(caseReference, (await worker.GetAsync(caseUrl)).Document.QuerySelector("#reference")!.TextContent);
        // Someone who may not see the child finds nothing, not even that the reference exists.
        using var school = await BeaconClient.SignedInAsync(Factory, "southvale.school.lead@beacon.test");
        var hidden = await school.GetAsync("/Children?Name=" + referral);
        Assert.Contains("0 children found", hidden.Document.QuerySelector("#results-heading")!.TextContent);
        Assert.Null(hidden.Document.QuerySelector("#found-by-reference"));
    }

    [Fact]
    public async Task References_given_by_the_migration_match_the_domains()
    {
        // The migration gave records made before references the reference the domain would give: the same formula.
        var sql = Factory.Database.Provider == DatabaseProvider.Postgres
            ? "SELECT \"Id\", 'R-' || substr(upper(replace(\"Id\"::text, '-', '')), 1, 5) || '-' || substr(upper(replace(\"Id\"::text, '-', '')), 6, 5) AS \"Value\" FROM \"Referrals\""
            : "SELECT \"Id\", 'R-' || substr(upper(\"Id\"), 1, 5) || '-' || substr(upper(\"Id\"), 6, 3) || substr(upper(\"Id\"), 10, 2) AS \"Value\" FROM \"Referrals\"";
        var rows = await Referrals.ReferralSteps.WithDbAsync(Factory, db => db.Database.SqlQueryRaw<IdAndValue>(sql).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(Core.Common.RecordReference.ForReferral(r.Id), r.Value));
    }

    public sealed record IdAndValue(Guid Id, string Value);

    [Fact]
    public async Task A_new_name_or_a_withdrawn_alias_changes_what_finds_the_child_at_once()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(client, new(Referrals.ReferralSteps.NewChild("Perpetua", "Quorndon")) { ["Alias"] = "Petal" });
        var id = Guid.Parse(location.Split('/').Last());
        Assert.Contains(location, await FoundAsync(client, "petal"));

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var child = await db.Children.Include(c => c.Aliases).SingleAsync(c => c.Id == id);
            child.WithdrawAlias(child.Aliases.Single().Id, "Recorded in error", DateTime.UtcNow);
            child.UpdateDetails(new ChildDetails("Perpetua", "Ravensworth", child.DateOfBirth, child.Gender, child.Ethnicity), DateOnly.FromDateTime(DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(location, await FoundAsync(client, "petal"));
        Assert.DoesNotContain(location, await FoundAsync(client, "quorn"));
        Assert.Contains(location, await FoundAsync(client, "ravens"));
        Assert.Contains(location, await FoundAsync(client, "perpetua"));
    }

    [Fact]
    public async Task A_search_that_finds_no_one_offers_a_concern_about_a_new_child_with_what_was_typed()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var none = await outreach.GetAsync("/Children?Name=Wilhelmina+van+Nobody&DateOfBirth.Day=4&DateOfBirth.Month=11&DateOfBirth.Year=2012");
        var link = none.Document.QuerySelector("#raise-for-new-child")!.GetAttribute("href")!;
        var form = await outreach.GetAsync(link);
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        Assert.Equal("Wilhelmina", form.Document.QuerySelector("#Input-FirstName")!.GetAttribute("value"));
        Assert.Equal("van Nobody", form.Document.QuerySelector("#Input-LastName")!.GetAttribute("value"));
        Assert.Equal("2012", form.Document.QuerySelector("input[name='Input.DateOfBirth.Year']")!.GetAttribute("value"));

        // Someone who may not raise concerns (the board) is not offered it.
        using var board = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        Assert.Null((await board.GetAsync("/Children?Name=Wilhelmina")).Document.QuerySelector("#raise-for-new-child"));
    }
}

public sealed class SqliteNameSearchTests(SqliteBeacon beacon) : NameSearchTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresNameSearchTests(PostgresBeacon beacon) : NameSearchTests(beacon), IClassFixture<PostgresBeacon>;
