using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Robustness;

/// <summary>
/// Signs in as every demo login, visits every page it can reach from the home page, and submits every form on
/// them with malformed values: empty, over-long, the wrong type, impossible dates, unknown ids, unknown page
/// handlers. No answer may be a server error, and a refused submission may change nothing in the database.
/// Pages and forms are found by following links, so a new page is covered without editing this test.
/// </summary>
public sealed partial class MalformedInputCrawlTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    /// <summary>Pages of one shape (ids replaced) visited per login: enough to reach every form, bounded in time.</summary>
    private const int PagesPerLogin = 45;

    private const string UnofferedChoices = "unoffered choices";

    private static readonly string[] NeverFollowed = ["/Account/Logout", "/lib/", "/css/", "/js/", "/assets/", "/favicon"];

    [Fact]
    public async Task No_page_or_form_answers_malformed_input_with_a_server_error_or_a_change()
    {
        var failures = new List<string>();
        var submissions = 0;
        // The administrator goes last: what it may change (accounts) must not stop the others' crawl.
        foreach (var login in DemoData.Logins.OrderBy(l => l.Role == Core.Access.BeaconRoles.Administrator))
        {
            using var client = await BeaconClient.SignedInAsync(beacon.Factory, login.Email);
            submissions += await CrawlAsync(client, login.Email, failures);
        }
        Assert.True(submissions > 100, $"Only {submissions} malformed submissions were made: the crawl reached too little");
        failures.AddRange(await OverLongValuesStoredAsync());
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join("\n", failures.Take(60)));
    }

    private async Task<int> CrawlAsync(BeaconClient client, string who, List<string> failures)
    {
        var queue = new Queue<string>(["/"]);
        var shapes = new HashSet<string>();
        var submitted = 0;
        while (queue.Count > 0 && shapes.Count < PagesPerLogin)
        {
            var url = queue.Dequeue();
            if (!shapes.Add(Shape(url))) continue;
            var page = await client.GetAsync(url);
            if ((int)page.Status >= 500) { failures.Add($"{who}: GET {url} → {(int)page.Status}"); continue; }
            if (page.Status != HttpStatusCode.OK) continue;

            foreach (var href in page.Document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
                if (!NeverFollowed.Any(href.StartsWith) && !shapes.Contains(Shape(href))) queue.Enqueue(href);

            // An unknown handler, by GET and by POST, is "not found", never an error.
            var unknown = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "handler=Nope");
            if ((int)unknown.Status >= 500) failures.Add($"{who}: GET {url} handler=Nope → {(int)unknown.Status}");

            var forms = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                .Where(f => !(f.GetAttribute("action") ?? "").StartsWith("/Account/Logout")).ToList();
            foreach (var form in forms)
            {
                foreach (var (name, fields) in Variants(form))
                {
                    var isPost = !string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase);
                    var before = isPost ? await FingerprintAsync() : "";
                    var answer = await client.SubmitAsync(form, fields, url);
                    submitted++;
                    var target = form.GetAttribute("action") is { Length: > 0 } action ? action : url;
                    if ((int)answer.Status >= 500)
                    {
                        failures.Add($"{who}: {(isPost ? "POST" : "GET")} {target} ({name}) → {(int)answer.Status}");
                        continue;
                    }
                    var refused = (int)answer.Status >= 400 || (answer.Status == HttpStatusCode.OK && answer.Errors.Count > 0);
                    if (isPost && name.StartsWith(UnofferedChoices) && !refused)
                        failures.Add($"{who}: POST {target} accepted {name} ({(int)answer.Status})");
                    if (isPost && refused && await FingerprintAsync() is var after && after != before)
                        failures.Add($"{who}: POST {target} ({name}) was refused ({(int)answer.Status}) but changed the database: {Difference(before, after)}");
                }
                if (!string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
                {
                    // The same form posted to a handler the page does not have.
                    var original = form.GetAttribute("action");
                    var path = (original is { Length: > 0 } ? original : url).Split('?')[0];
                    form.SetAttribute("action", path + "?handler=Nope");
                    var answer = await client.SubmitAsync(form, [], url);
                    if (original is null) form.RemoveAttribute("action"); else form.SetAttribute("action", original);
                    if ((int)answer.Status >= 500) failures.Add($"{who}: POST {path} handler=Nope → {(int)answer.Status}");
                }
            }
        }
        return submitted;
    }

    /// <summary>The malformed versions of one form's fields.</summary>
    private static IEnumerable<(string Name, Dictionary<string, string> Fields)> Variants(IHtmlFormElement form)
    {
        var names = form.Elements.OfType<AngleSharp.Dom.IElement>()
            .Select(e => e.GetAttribute("name")).OfType<string>()
            .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        if (names.Count == 0) yield break;
        string Current(string name) => (form.Elements.OfType<AngleSharp.Dom.IElement>().First(e => e.GetAttribute("name") == name) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlSelectElement select => select.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => "",
        }) ?? "";
        bool IsDatePart(string n) => n.EndsWith(".Day") || n.EndsWith(".Month") || n.EndsWith(".Year");

        yield return ("empty", names.ToDictionary(n => n, _ => ""));
        yield return ("over-long", names.ToDictionary(n => n, n => IsDatePart(n) ? Current(n) : new string('x', 5000)));
        // One over-long field at a time, the rest as the form holds them, so a missing limit cannot hide behind another refusal.
        var texts = form.Elements.OfType<IElement>()
            .Where(e => e is IHtmlTextAreaElement || (e is IHtmlInputElement input && input.Type is "text" or "email" or "search"))
            .Select(e => e.GetAttribute("name")).OfType<string>().Where(n => !IsDatePart(n)).Distinct();
        foreach (var text in texts)
            yield return ($"over-long {text}", names.ToDictionary(n => n, n => n == text ? new string('x', 5000) : Current(n)));
        yield return ("wrong type", names.ToDictionary(n => n, _ => "banana"));
        // Each choice (tick box, radio, list, hidden value) in turn given something the form does not offer.
        var choices = form.Elements.OfType<IElement>()
            .Where(e => e is IHtmlSelectElement || (e is IHtmlInputElement input && input.Type is "checkbox" or "radio" or "hidden"))
            .Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n != "__RequestVerificationToken").ToHashSet();
        foreach (var choice in choices)
            yield return ($"{UnofferedChoices}: {choice}", names.ToDictionary(n => n, n => n == choice ? "banana" : Current(n)));
        yield return ("year 0000", names.ToDictionary(n => n, n =>
            n.EndsWith(".Year") ? "0000" : n.EndsWith(".Month") || n.EndsWith(".Day") ? "1" : Current(n)));
        yield return ("out of range", names.ToDictionary(n => n, n =>
            n.EndsWith(".Year") ? "99999" : n.EndsWith(".Month") ? "13" : n.EndsWith(".Day") ? "32"
            : int.TryParse(Current(n), out _) ? "-2147483649" : Current(n)));
        yield return ("unknown ids", names.ToDictionary(n => n, n => Guid.TryParse(Current(n), out _) || n.EndsWith("Id") || n.EndsWith("Ids")
            ? Guid.NewGuid().ToString() : Current(n)));
    }

    /// <summary>Row counts and version totals of every table but the audit log (views and refusals are audited, by design).</summary>
    private async Task<string> FingerprintAsync()
    {
        using var scope = beacon.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var parts = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetTableName() != "AuditEntries" && !e.IsOwned())
                     .Select(e => (Table: e.GetTableName()!, Versioned: e.FindProperty("Version") is not null, Stamped: e.FindProperty("ConcurrencyStamp") is not null))
                     .Distinct().OrderBy(e => e.Table))
        {
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{entity.Table}\"";
            var count = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
            var version = entity.Versioned ? await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(SUM(\"Version\"), 0) AS \"Value\" FROM \"{entity.Table}\"").SingleAsync() : 0;
            var stamps = entity.Stamped ? string.Join(",", await db.Database.SqlQueryRaw<string>($"SELECT COALESCE(\"ConcurrencyStamp\", '') AS \"Value\" FROM \"{entity.Table}\" ORDER BY \"Id\"").ToListAsync()) : "";
            parts.Add($"{entity.Table}:{count}:{version}:{stamps.GetHashCode()}");
        }
        return string.Join("|", parts);
    }

    /// <summary>
    /// SQLite does not enforce a column's length, so an over-long value a form let through would sit there until
    /// PostgreSQL refused it: every limit must be a rule Beacon checks itself.
    /// </summary>
    private async Task<List<string>> OverLongValuesStoredAsync()
    {
        using var scope = beacon.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                var column = property.GetColumnName();
                var count = await db.Database.SqlQueryRaw<int>(
                    $"SELECT COUNT(*) AS \"Value\" FROM \"{entity.GetTableName()}\" WHERE length(\"{column}\") > {property.GetMaxLength()}").SingleAsync();
                if (count > 0) found.Add($"{count} value(s) in {entity.GetTableName()}.{column} longer than its limit of {property.GetMaxLength()}");
            }
        return found;
    }

    private static string Difference(string before, string after) =>
        string.Join(", ", before.Split('|').Zip(after.Split('|')).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}"));

    /// <summary>A URL with ids and query values taken out: pages of one shape are one page to the crawl.</summary>
    private static string Shape(string url) => IdPattern().Replace(QueryValues().Replace(url, "="), "{id}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex IdPattern();

    [GeneratedRegex("=[^&]*")]
    private static partial Regex QueryValues();
}
