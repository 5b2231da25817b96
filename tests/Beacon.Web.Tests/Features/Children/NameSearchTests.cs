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
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_fold_to_lower_case_words_without_accents_or_apostrophes(string? name, string words) =>
        Assert.Equal(words, string.Join('|', ChildNameToken.Words(name)));

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
}

public sealed class SqliteNameSearchTests(SqliteBeacon beacon) : NameSearchTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresNameSearchTests(PostgresBeacon beacon) : NameSearchTests(beacon), IClassFixture<PostgresBeacon>;
