using F23.StringSimilarity;

namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>How two values of one field are compared: each kind has its own ordered levels, best first.</summary>
public enum ComparisonKind
{
    /// <summary>Exact; Jaro–Winkler at least 0.92; at least 0.8 or sounding the same (Soundex); different.</summary>
    Name,
    /// <summary>Exact; day and month swapped; one typing slip; same year; different. Values are yyyymmdd.</summary>
    DateOfBirth,
    /// <summary>Exact; same sector (outward code and the inward code's digit); same district; different.</summary>
    UkPostcode,
    /// <summary>Exact; one typing slip; different. For numbers and codes.</summary>
    ExactOrSlip,
    /// <summary>Exact; different (an NHS number, an agency's id).</summary>
    Exact,
    /// <summary>Exact; Jaro–Winkler at least 0.9; at least 0.75; different. For free text such as an address line.</summary>
    Text,
}

/// <summary>One field compared between two records. Values may hold alternatives separated by '|' (aliases): the best level counts.</summary>
public sealed record Comparison(string Name, int Field, ComparisonKind Kind, bool TermFrequency = false)
{
    /// <summary>Levels a comparison can reach, not counting 0 (a value is missing).</summary>
    public int LevelCount => Kind switch
    {
        ComparisonKind.Name => 4,
        ComparisonKind.DateOfBirth => 5,
        ComparisonKind.UkPostcode => 4,
        ComparisonKind.ExactOrSlip => 3,
        ComparisonKind.Exact => 2,
        ComparisonKind.Text => 4,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Level 1 is the exact match; the last level is "different".</summary>
    public string LevelLabel(int level) => level == 0 ? "missing on one side" : Kind switch
    {
        ComparisonKind.Name => new[] { "", "exactly the same", "very similar (Jaro–Winkler ≥ 0.92)", "similar or sounds the same", "different" }[level],
        ComparisonKind.DateOfBirth => new[] { "", "exactly the same", "day and month swapped", "one digit different", "same year only", "different" }[level],
        ComparisonKind.UkPostcode => new[] { "", "exactly the same", "same postcode sector", "same postcode district", "different" }[level],
        ComparisonKind.ExactOrSlip => new[] { "", "exactly the same", "one character different", "different" }[level],
        ComparisonKind.Exact => new[] { "", "exactly the same", "different" }[level],
        ComparisonKind.Text => new[] { "", "exactly the same", "very similar (Jaro–Winkler ≥ 0.9)", "similar (Jaro–Winkler ≥ 0.75)", "different" }[level],
        _ => "",
    };

    public int Compare(string? left, string? right)
    {
        if (left is null || right is null) return 0;
        if (!left.Contains('|') && !right.Contains('|')) return CompareOne(left, right);
        var best = int.MaxValue;
        foreach (var l in left.Split('|'))
            foreach (var r in right.Split('|'))
                best = Math.Min(best, CompareOne(l, r));
        return best;
    }

    private int CompareOne(string a, string b)
    {
        if (a == b) return 1;
        return Kind switch
        {
            ComparisonKind.Name => Similarity.JaroWinkler(a, b) >= 0.92 ? 2
                : Similarity.JaroWinkler(a, b) >= 0.8 || Similarity.Soundex(a) == Similarity.Soundex(b) ? 3 : 4,
            ComparisonKind.DateOfBirth => CompareDates(a, b),
            ComparisonKind.UkPostcode => ComparePostcodes(a, b),
            ComparisonKind.ExactOrSlip => Similarity.WithinOneSlip(a, b) ? 2 : 3,
            ComparisonKind.Exact => 2,
            ComparisonKind.Text => Similarity.JaroWinkler(a, b) is var s && s >= 0.9 ? 2 : s >= 0.75 ? 3 : 4,
            _ => throw new InvalidOperationException(),
        };
    }

    private static int CompareDates(string a, string b)
    {
        if (a.Length == 8 && b.Length == 8 && a[..4] == b[..4] && a[4..6] == b[6..8] && a[6..8] == b[4..6]) return 2;
        if (Similarity.WithinOneSlip(a, b)) return 3;
        return a.Length >= 4 && b.Length >= 4 && a[..4] == b[..4] ? 4 : 5;
    }

    private static int ComparePostcodes(string a, string b)
    {
        // Normalised postcodes are upper case without spaces; the inward code is always the last three characters.
        if (a.Length < 5 || b.Length < 5) return 4;
        var outwardA = a[..^3];
        var outwardB = b[..^3];
        if (outwardA != outwardB) return 4;
        return a[^3] == b[^3] ? 2 : 3;
    }
}

/// <summary>The string measures linkage uses. Jaro–Winkler is F23.StringSimilarity's; Soundex is the 1918 rule, short enough to keep here.</summary>
public static class Similarity
{
    private static readonly JaroWinkler Jw = new();

    public static double JaroWinkler(string a, string b) => Jw.Similarity(a, b);

    /// <summary>Same length with one character different, two neighbours swapped, or one character added or missing.</summary>
    public static bool WithinOneSlip(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i]) continue;
                if (++differences == 1) first = i;
                else if (differences > 2) return false;
            }
            if (differences <= 1) return true;
            // Two differences: allowed only as a swap of neighbours.
            return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] &&
                   a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
        }
        if (Math.Abs(a.Length - b.Length) != 1) return false;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var i2 = 0;
        while (i2 < shorter.Length && shorter[i2] == longer[i2]) i2++;
        return shorter.AsSpan(i2).SequenceEqual(longer.AsSpan(i2 + 1));
    }

    /// <summary>American Soundex: the first letter and three digits for the consonant sounds that follow.</summary>
    public static string Soundex(string value)
    {
        Span<char> code = stackalloc char[4];
        var length = 0;
        char previous = '\0';
        foreach (var raw in value)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is < 'A' or > 'Z') continue;
            var digit = c switch
            {
                'B' or 'F' or 'P' or 'V' => '1',
                'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
                'D' or 'T' => '3',
                'L' => '4',
                'M' or 'N' => '5',
                'R' => '6',
                _ => '0',
            };
            if (length == 0)
            {
                code[length++] = c;
                previous = digit;
                continue;
            }
            // H and W do not separate letters with the same code; vowels do.
            if (c is 'H' or 'W') continue;
            if (digit != '0' && digit != previous) code[length++] = digit;
            previous = digit;
            if (length == 4) break;
        }
        if (length == 0) return "";
        while (length < 4) code[length++] = '0';
        return new string(code);
    }
}
