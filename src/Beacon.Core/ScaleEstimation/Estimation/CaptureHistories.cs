using System.Globalization;

namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>
/// How many people were seen on each combination of lists (their capture history). A history is a bit mask: bit i
/// set means the person is on list i. The all-zero history is the people no list saw: what estimation is for.
/// </summary>
public sealed class CaptureHistories
{
    public const int MinLists = 2;
    public const int MaxLists = 10;

    public IReadOnlyList<string> Lists { get; }

    /// <summary>Count for every observable history, indexed by mask (index 0, nobody seen, is always 0).</summary>
    public long[] Counts { get; }

    public CaptureHistories(IReadOnlyList<string> lists, long[] counts)
    {
        if (lists.Count is < MinLists or > MaxLists)
            throw new ArgumentException($"Estimation needs between {MinLists} and {MaxLists} lists; there are {lists.Count}.");
        if (counts.Length != 1 << lists.Count) throw new ArgumentException("One count is needed for every capture history.");
        if (counts.Any(c => c < 0)) throw new ArgumentException("Counts cannot be negative.");
        if (counts[0] != 0) throw new ArgumentException("Nobody can be counted as seen on no list.");
        Lists = lists;
        Counts = counts;
    }

    public int ListCount => Lists.Count;

    public long Observed => Counts.Sum();

    /// <summary>People on list i, whatever else they are on.</summary>
    public long OnList(int list) => Enumerable.Range(1, Counts.Length - 1).Where(m => (m & (1 << list)) != 0).Sum(m => Counts[m]);

    /// <summary>People on both list i and list j.</summary>
    public long OnBoth(int i, int j) =>
        Enumerable.Range(1, Counts.Length - 1).Where(m => (m & (1 << i)) != 0 && (m & (1 << j)) != 0).Sum(m => Counts[m]);

    /// <summary>From the people's histories (one mask per person).</summary>
    public static CaptureHistories FromPeople(IReadOnlyList<string> lists, IEnumerable<int> histories)
    {
        var counts = new long[1 << lists.Count];
        foreach (var h in histories) counts[h]++;
        return new CaptureHistories(lists, counts);
    }

    /// <summary>The same histories over a subset of the lists (people seen only on dropped lists leave the table).</summary>
    public CaptureHistories Keep(IReadOnlyList<int> keptLists)
    {
        var counts = new long[1 << keptLists.Count];
        for (var mask = 1; mask < Counts.Length; mask++)
        {
            var kept = 0;
            for (var k = 0; k < keptLists.Count; k++)
                if ((mask & (1 << keptLists[k])) != 0) kept |= 1 << k;
            if (kept != 0) counts[kept] += Counts[mask];
        }
        return new CaptureHistories(keptLists.Select(i => Lists[i]).ToArray(), counts);
    }

    /// <summary>
    /// Reads SparseMSE's layout: a header row, one 0/1 column per list, the last column the count of people with that
    /// history; comma or tab separated. Rows with the same history are added together.
    /// </summary>
    public static CaptureHistoriesRead Parse(string text)
    {
        var problems = new List<string>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0) return CaptureHistoriesRead.Failed("The table is empty: it needs a header row and at least one row of counts.");
        var separator = lines[headerIndex].Contains('\t') ? '\t' : ',';
        var header = Split(lines[headerIndex], separator);
        var listCount = header.Length - 1;
        if (listCount < MinLists)
            return CaptureHistoriesRead.Failed($"Line {headerIndex + 1}: the header needs at least {MinLists} list columns and a count column last; it has {header.Length} column{(header.Length == 1 ? "" : "s")}.");
        if (listCount > MaxLists)
            return CaptureHistoriesRead.Failed($"Line {headerIndex + 1}: at most {MaxLists} lists can be estimated from; the header has {listCount} list columns.");
        var names = header.Take(listCount).Select((h, i) => h.Length == 0 ? $"List {i + 1}" : h).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return CaptureHistoriesRead.Failed($"Line {headerIndex + 1}: the list \"{duplicate.Key}\" is named twice.");

        var counts = new long[1 << listCount];
        var rows = 0;
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var line = i + 1;
            var cells = Split(lines[i], separator);
            if (cells.Length != header.Length)
            {
                problems.Add($"Line {line}: {cells.Length} column{(cells.Length == 1 ? "" : "s")}, but the header has {header.Length}.");
                continue;
            }
            var mask = 0;
            var bad = false;
            for (var c = 0; c < listCount; c++)
            {
                if (cells[c] == "1") mask |= 1 << c;
                else if (cells[c] != "0")
                {
                    problems.Add($"Line {line}: \"{cells[c]}\" under {names[c]} must be 0 or 1.");
                    bad = true;
                }
            }
            if (!long.TryParse(cells[listCount], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                var isNegative = long.TryParse(cells[listCount], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) && signed < 0;
                problems.Add(isNegative
                    ? $"Line {line}: the count {cells[listCount]} is negative; a count of people cannot be."
                    : $"Line {line}: the count \"{cells[listCount]}\" must be a whole number of people.");
                continue;
            }
            if (bad) continue;
            if (mask == 0)
            {
                if (count != 0) problems.Add($"Line {line}: a history of all zeros counts people seen on no list, which no list can know; leave it out.");
                continue;
            }
            counts[mask] += count;
            rows++;
        }
        if (problems.Count > 0) return new CaptureHistoriesRead(null, problems);
        if (rows == 0) return CaptureHistoriesRead.Failed("The table has a header but no rows of counts.");
        if (counts.All(c => c == 0)) return CaptureHistoriesRead.Failed("Every count is 0: there is nobody to estimate from.");
        return new CaptureHistoriesRead(new CaptureHistories(names, counts), problems);
    }

    /// <summary>Splits one line, honouring double quotes (a list's name may hold the separator, and "" is a quote).</summary>
    private static string[] Split(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0) { cell.Clear(); quoted = true; }
            else if (c == separator) { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().Trim());
        return cells.ToArray();
    }
}

/// <summary>A table read from text, or the reasons it could not be (by line).</summary>
public sealed record CaptureHistoriesRead(CaptureHistories? Table, IReadOnlyList<string> Problems)
{
    public static CaptureHistoriesRead Failed(string problem) => new(null, [problem]);
}
