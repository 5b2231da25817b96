namespace Beacon.Core.Tests.ScaleEstimation;

/// <summary>
/// Capture-history tables from SparseMSE and its papers (Chan, Silverman and Vincent), in the package's layout, with
/// the stepwise estimates the package prints or the papers publish.
/// </summary>
public static class PublishedTables
{
    /// <summary>UK 2013 modern slavery, six lists (SparseMSE's UKdat; Silverman 2014, Home Office). 2,744 seen.</summary>
    public const string UkSixLists = """
        LA,NG,PF,GO,GP,NCA,count
        1,0,0,0,0,0,54
        0,1,0,0,0,0,463
        0,0,1,0,0,0,907
        0,0,0,1,0,0,695
        0,0,0,0,1,0,316
        0,0,0,0,0,1,57
        1,1,0,0,0,0,15
        1,0,1,0,0,0,19
        1,0,0,1,0,0,3
        0,1,1,0,0,0,56
        0,1,0,1,0,0,19
        0,1,0,0,1,0,1
        0,1,0,0,0,1,3
        0,0,1,1,0,0,69
        0,0,1,0,1,0,10
        0,0,1,0,0,1,31
        0,0,0,1,1,0,8
        0,0,0,1,0,1,6
        0,0,0,0,1,1,1
        1,1,1,0,0,0,1
        1,1,0,1,0,0,1
        0,1,1,1,0,0,4
        0,1,1,0,0,1,3
        0,0,1,1,0,1,1
        1,1,1,1,0,0,1
        """;

    /// <summary>The same with police forces and the National Crime Agency merged (UKdat_5), tab separated.</summary>
    public static readonly string UkFiveLists = "LA\tNG\tPFNCA\tGO\tGP\tcount\n" + string.Join("\n", Rows(
        [1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1],
        [0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1],
        [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1],
        [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1],
        [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0],
        [54, 463, 995, 695, 316, 15, 19, 3, 62, 19, 1, 76, 11, 8, 1, 1, 4, 1]).Select(r => string.Join('\t', r)));

    /// <summary>Korea (three lists, 123 seen).</summary>
    public const string Korea = """
        b,c,d,count
        0,0,1,41
        0,1,0,5
        1,0,0,5
        1,1,0,54
        1,0,1,6
        0,1,1,0
        1,1,1,12
        """;

    /// <summary>Western US (five lists, 345 seen).</summary>
    public const string Western = """
        A,B,C,D,E,n
        1,0,0,0,0,52
        0,1,0,0,0,90
        0,0,1,0,0,114
        1,0,1,0,0,4
        0,1,1,0,0,6
        0,0,0,1,0,45
        1,0,0,1,0,2
        0,1,0,1,0,1
        0,1,1,1,0,1
        0,0,0,0,1,21
        1,0,0,0,1,5
        1,0,1,0,1,1
        0,0,0,1,1,3
        """;

    /// <summary>New Orleans (eight lists, 185 seen: the version the 2021 paper used).</summary>
    public static readonly string NewOrleans = "A,B,C,D,E,F,G,H,n\n" + string.Join("\n", Rows(
        [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0],
        [0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1],
        [25, 1, 2, 1, 1, 1, 5, 1, 70, 1, 1, 1, 33, 2, 6, 1, 6, 6, 21]).Select(r => string.Join(',', r)));

    /// <summary>SparseMSE's Artificial_3, for the existence and identifiability checks.</summary>
    public const string Artificial = """
        A,B,C,n
        1,0,0,40
        0,1,0,30
        0,0,1,20
        1,1,0,6
        """;

    private static IEnumerable<int[]> Rows(params int[][] columns) =>
        Enumerable.Range(0, columns[0].Length).Select(r => columns.Select(c => c[r]).ToArray());
}
