using System.Linq.Expressions;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// A query's short lists of ids are rewritten as one parameter per id: the rewritten filter must keep exactly the rows
/// the list did, for every size of list, and leave alone what it cannot read or should not change.
/// </summary>
public sealed class IdListParametersTests
{
    private sealed record Row(Guid Area, Guid? Host, string? Worker);

    private static readonly Guid[] Areas = [.. Enumerable.Range(1, 12).Select(i => new Guid(i, 0, 0, new byte[8]))];

    private static readonly Row[] Rows = [.. Areas.SelectMany(a => new[]
    {
        new Row(a, null, null), new Row(a, Areas[0], "worker-1"), new Row(a, Guid.NewGuid(), "worker-2"), new Row(Guid.NewGuid(), a, "worker-3"),
    })];

    private static Expression<Func<Row, bool>> Rewritten(Expression<Func<Row, bool>> filter)
    {
        var rewritten = IdListParameters.Rewrite(filter);
        return Assert.IsType<Expression<Func<Row, bool>>>(rewritten, exactMatch: false);
    }

    private static void SameRows(Expression<Func<Row, bool>> filter)
    {
        var rewritten = Rewritten(filter);
        Assert.Equal(Rows.Where(filter.Compile()), Rows.Where(rewritten.Compile()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(IdListParameters.MostIds)]
    [InlineData(IdListParameters.MostIds + 1)]
    public void A_filter_on_a_list_of_ids_keeps_the_same_rows_whatever_the_list_holds(int count)
    {
        var areas = Areas.Take(count).ToList();
        SameRows(r => areas.Contains(r.Area) || (r.Host != null && areas.Contains(r.Host.Value)));
        SameRows(r => !areas.Contains(r.Area));
        var asSequence = areas.AsEnumerable();
        SameRows(r => asSequence.Contains(r.Area));
        var workers = new List<string?> { "worker-1", null }.Take(count).ToList();
        SameRows(r => workers.Contains(r.Worker));
    }

    [Fact]
    public void A_short_list_becomes_one_comparison_per_id_each_read_from_a_value_not_written_into_the_filter()
    {
        var areas = Areas.Take(2).ToList();
        var rewritten = Rewritten(r => areas.Contains(r.Area));

        var body = Assert.IsAssignableFrom<BinaryExpression>(rewritten.Body);
        Assert.Equal(ExpressionType.OrElse, body.NodeType);
        Assert.All(new[] { body.Left, body.Right }, side =>
        {
            var equal = Assert.IsAssignableFrom<BinaryExpression>(side);
            Assert.Equal(ExpressionType.Equal, equal.NodeType);
            // A member of a captured object, as a local would be: the query reads it as a parameter, not a constant.
            var read = Assert.IsAssignableFrom<MemberExpression>(equal.Right);
            Assert.IsAssignableFrom<ConstantExpression>(read.Expression);
        });
        var none = new List<Guid>();
        Assert.Equal(Expression.Constant(false).ToString(), Rewritten(r => none.Contains(r.Area)).Body.ToString());
    }

    [Fact]
    public void A_long_list_a_list_on_the_row_and_a_query_are_left_as_they_are()
    {
        var many = Areas.ToList();
        Expression<Func<Row, bool>> longList = r => many.Contains(r.Area);
        Assert.Same(longList, IdListParameters.Rewrite(longList));
        SameRows(longList);

        Expression<Func<Row, bool>> onTheRow = r => new[] { r.Area }.ToList().Contains(Areas[0]);
        Assert.Same(onTheRow, IdListParameters.Rewrite(onTheRow));

        var query = Areas.Take(2).AsQueryable();
        Expression<Func<Row, bool>> inQuery = r => query.Contains(r.Area);
        Assert.DoesNotContain("OrElse", IdListParameters.Rewrite(inQuery).ToString());
    }

    private sealed class Filter { public List<Guid> Ids { get; } = [Areas[0]]; }

    [Fact]
    public void What_cannot_be_read_or_is_not_a_list_of_ids_is_left_for_the_query_to_decide()
    {
        // An optional filter: with no filter its list is never read, so reading it here must not fail.
        Filter? none = null;
        Expression<Func<Row, bool>> optional = r => none == null || none.Ids.Contains(r.Area);
        Assert.Same(optional, IdListParameters.Rewrite(optional));
        var some = new Filter();
        SameRows(r => some == null || some.Ids.Contains(r.Area));

        // A lookup's Contains tests its keys, not the rows it enumerates.
        var lookup = Rows.Take(2).ToLookup(r => r.Area);
        Expression<Func<Row, bool>> byKey = r => lookup.Contains(r.Area);
        Assert.Same(byKey, IdListParameters.Rewrite(byKey));

        // An item that is not a column (here a computation) would be written once per id: left as it is.
        var areas = Areas.Take(2).ToList();
        Expression<Func<Row, bool>> computed = r => areas.Contains(Rows.First(x => x.Worker == r.Worker).Area);
        Assert.Same(computed, IdListParameters.Rewrite(computed));
    }

    [Fact]
    public void A_sequence_too_long_to_rewrite_is_read_no_further_than_it_needs()
    {
        var reads = 0;
        IEnumerable<Guid> Lazily() { foreach (var id in Areas) { reads++; yield return id; } }
        var sequence = Lazily();
        Expression<Func<Row, bool>> filter = r => sequence.Contains(r.Area);
        Assert.Same(filter, IdListParameters.Rewrite(filter));
        Assert.Equal(IdListParameters.MostIds + 1, reads);
    }

    [Fact]
    public void An_array_of_a_few_ids_is_rewritten_as_a_list_is()
    {
        var areas = Areas.Take(2).ToArray();
        SameRows(r => areas.Contains(r.Area));
        Assert.Contains("OrElse", Rewritten(r => areas.Contains(r.Area)).ToString());
    }

    [Fact]
    public void The_lists_inside_a_query_kept_in_a_local_are_rewritten_with_the_query_that_uses_it()
    {
        var areas = Areas.Take(1).ToList();
        var inner = Rows.AsQueryable().Where(r => areas.Contains(r.Area)).Select(r => r.Area);
        var outer = Rows.AsQueryable().Where(r => inner.Contains(r.Area));

        var rewritten = IdListParameters.Rewrite(outer.Expression);

        Assert.DoesNotContain("areas", rewritten.ToString());
        Assert.Equal(outer.ToList(), outer.Provider.CreateQuery<Row>(rewritten).ToList());
    }
}
