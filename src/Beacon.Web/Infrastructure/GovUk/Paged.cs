using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.GovUk;

/// <summary>Where a list is in its pages, for the GOV.UK pagination partial (<c>_Pagination</c>).</summary>
public interface IPaged
{
    int PageNumber { get; }
    int PageCount { get; }
}

/// <summary>One page of a list, counted and cut in the database.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageCount, int Total) : IPaged
{
    /// <summary>The page asked for (a number past either end shows the nearest page) of a query that is already ordered.</summary>
    public static async Task<Paged<T>> ReadAsync(IQueryable<T> ordered, int pageNumber, int pageSize, CancellationToken ct, PageReader? read = null)
    {
        var total = await ordered.CountAsync(ct);
        return await ReadAsync(ordered, pageNumber, pageSize, total, ct, read);
    }

    /// <summary>A row and the count of its whole list, read together: the count as a subquery on each row, which the database works out once.</summary>
    public sealed class WithTotal
    {
        public required T Row { get; init; }
        public int Total { get; init; }
    }

    /// <summary>The same, when the total is already known (counted with other figures in one query): no count, and no query at all for none.</summary>
    public static async Task<Paged<T>> ReadAsync(IQueryable<T> ordered, int pageNumber, int pageSize, int total, CancellationToken ct, PageReader? read = null)
    {
        var (number, pageCount, skip) = Place(pageNumber, pageSize, total);
        var items = total == 0 ? [] : await (read ?? SkipTake)(ordered, skip, pageSize, ct);
        return new Paged<T>(items, number, pageCount, total);
    }

    /// <summary>How a page's rows are read from an ordered query; by default in one query, skipping the rows before it.</summary>
    public delegate Task<List<T>> PageReader(IQueryable<T> ordered, int skip, int take, CancellationToken ct);

    public static Task<List<T>> SkipTake(IQueryable<T> ordered, int skip, int take, CancellationToken ct) => ordered.Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>A list made of disjoint parts, one after the other (each read from its own index).</summary>
    public static IQueryable<T> All(IReadOnlyList<IQueryable<T>> parts) => parts.Aggregate((all, part) => all.Concat(part));

    /// <summary>
    /// A list made of disjoint parts, in <paramref name="order"/>, for its first <paramref name="enough"/> rows: each part is
    /// read in its own index's order and stopped there, so a page costs the same whatever the parts hold (ordering the
    /// parts together sorted every row of them: PostgreSQL does not merge a union of ordered ranges). One part (the usual
    /// case: an area's own) is read in its index's order alone, so a deep page skips entries in the index rather than
    /// copying and sorting every row before it (the last of 1,200 pages of a risk list took 100 ms).
    /// </summary>
    public static IQueryable<T> FirstOfEach(IReadOnlyList<IQueryable<T>> parts, Func<IQueryable<T>, IOrderedQueryable<T>> order, int enough) =>
        parts.Count == 1 ? order(parts[0]) : order(All(parts.Select(part => (IQueryable<T>)order(part).Take(enough)).ToList()));

    /// <summary>
    /// A page of ordered lists shown one after the other, each with its count (known already, counted with other
    /// figures), each read in its own index's order and stopped at the page, where one query ordering them all would
    /// sort every row. Lists the page does not reach are not read.
    /// </summary>
    public static async Task<Paged<T>> ReadAsync(IReadOnlyList<(IQueryable<T> Ordered, int Count)> lists, int pageNumber, int pageSize, CancellationToken ct,
        PageReader? read = null)
    {
        var total = lists.Sum(l => l.Count);
        var (number, pageCount, skip) = Place(pageNumber, pageSize, total);
        var items = new List<T>();
        var start = 0;
        foreach (var (ordered, count) in lists)
        {
            if (items.Count == pageSize) break;
            var from = Math.Max(0, skip + items.Count - start);
            if (count > from) items.AddRange(await (read ?? SkipTake)(ordered, from, pageSize - items.Count, ct));
            start += count;
        }
        return new Paged<T>(items, number, pageCount, total);
    }

    /// <summary>
    /// A page of a list already in memory: only for lists bounded by one record (one child's chronology, merged from
    /// several sources), never for a table.
    /// </summary>
    public static Paged<T> Of(IReadOnlyList<T> all, int pageNumber, int pageSize)
    {
        var (number, pageCount, skip) = Place(pageNumber, pageSize, all.Count);
        return new Paged<T>(all.Skip(skip).Take(pageSize).ToList(), number, pageCount, all.Count);
    }

    /// <summary>The page asked for, clamped to those there are (a number past either end shows the nearest page).</summary>
    public static (int Number, int PageCount, int Skip) Place(int pageNumber, int pageSize, int total)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        return (number, pageCount, (number - 1) * pageSize);
    }
}

public static class Pagination
{
    public const string DefaultParameter = "pageNumber";

    /// <summary>The current address with one list's page number changed, keeping filters and the other lists' pages.</summary>
    public static string Href(Microsoft.AspNetCore.Http.HttpRequest request, string parameter, int pageNumber)
    {
        var query = request.Query.Where(q => !string.Equals(q.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(parameter, pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }

    /// <summary>The page numbers to link to: the first, the last, and those beside the current one (0 marks a gap).</summary>
    public static IReadOnlyList<int> Links(IPaged paged)
    {
        var shown = new SortedSet<int> { 1, paged.PageCount, paged.PageNumber - 1, paged.PageNumber, paged.PageNumber + 1 };
        shown.RemoveWhere(n => n < 1 || n > paged.PageCount);
        var links = new List<int>();
        foreach (var n in shown)
        {
            if (links.Count > 0 && n > links[^1] + 1) links.Add(0);
            links.Add(n);
        }
        return links;
    }
}
