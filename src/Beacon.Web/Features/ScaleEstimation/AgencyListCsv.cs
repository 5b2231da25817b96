using System.Globalization;
using Beacon.Core.ScaleEstimation;
using CsvHelper;
using CsvHelper.Configuration;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>
/// Reads an agency's list: a CSV file with a header row naming its columns (in any order): agency_id, given_name,
/// surname, aliases (separated by ;), date_of_birth, sex, postcode, nhs_number. Every row is checked; one bad row
/// means nothing is imported, and every problem is reported by line.
/// </summary>
public static class AgencyListCsv
{
    public static readonly string[] Columns = ["agency_id", "given_name", "surname", "aliases", "date_of_birth", "sex", "postcode", "nhs_number"];
    private static readonly string[] Required = ["agency_id", "given_name", "surname", "date_of_birth"];
    public const int MaxProblemsShown = 50;

    /// <param name="RowsWithProblems">How many rows had problems (more than <see cref="Problems"/> lists when there are many).</param>
    public sealed record Read(IReadOnlyList<ImportedListEntry> Entries, IReadOnlyList<string> Problems, int RowsWithProblems = 0);

    public static Read Parse(byte[] content, Guid listId, DateOnly today)
    {
        var problems = new List<string>();
        var entries = new List<ImportedListEntry>();
        string text;
        try { text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF'); }
        catch (System.Text.DecoderFallbackException) { return new([], ["The file is not text in UTF-8: save it from the spreadsheet as \"CSV UTF-8\"."]); }
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant().Replace(' ', '_'),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
        });
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is null)
            return new([], ["The file is empty: it needs a header row naming its columns, then one row per child."]);
        var header = reader.HeaderRecord.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToArray();
        var missing = Required.Where(r => !header.Contains(r)).ToArray();
        var unknown = header.Where(h => !Columns.Contains(h)).ToArray();
        if (missing.Length > 0) problems.Add($"Line 1: the header has no {string.Join(", ", missing)} column{(missing.Length == 1 ? "" : "s")}. The columns are {string.Join(", ", Columns)}.");
        if (unknown.Length > 0) problems.Add($"Line 1: {string.Join(", ", unknown.Select(u => $"\"{u}\""))} {(unknown.Length == 1 ? "is not a column" : "are not columns")} Beacon reads. The columns are {string.Join(", ", Columns)}.");
        if (problems.Count > 0) return new([], problems);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problemRows = 0;
        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            string? Field(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < reader.Parser.Count ? reader.GetField(i) : null;
            if (reader.Parser.Record?.All(string.IsNullOrWhiteSpace) == true) continue;
            if (entries.Count + problemRows >= ImportedList.MaxEntries)
            {
                problems.Add($"The file has more than {ImportedList.MaxEntries:N0} rows; split it or choose a shorter period.");
                break;
            }
            var (entry, rowProblems) = ImportedListEntry.Read(listId, line, Field("agency_id"), Field("given_name"), Field("surname"), Field("aliases"),
                Field("date_of_birth"), Field("sex"), Field("postcode"), Field("nhs_number"), today);
            var found = rowProblems.ToList();
            var rawId = Field("agency_id")?.Trim();
            if (!string.IsNullOrEmpty(rawId))
            {
                if (seen.TryGetValue(rawId, out var first)) found.Add($"the agency's id {rawId} is also on line {first}");
                else seen[rawId] = line;
            }
            if (found.Count > 0)
            {
                problemRows++;
                if (problems.Count < MaxProblemsShown) problems.Add($"Line {line}: {string.Join("; ", found)}.");
                continue;
            }
            entries.Add(entry!);
        }
        if (problemRows > MaxProblemsShown) problems.Add($"…and {problemRows - MaxProblemsShown:N0} more rows with problems.");
        return problems.Count > 0 ? new([], problems, problemRows) : new(entries, [], 0);
    }
}
