using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// Rewrites "this short list of ids contains x" in a query's filter as "x is the first id, or the second, …", each id a
/// parameter of its own. A query that tests membership of a list passed in (a person's areas, in every need-to-know
/// check) gets SQL that depends on how many ids the list holds, so EF Core writes its SQL again on every run; with one
/// parameter per id, the SQL depends only on the filter's shape (one or two areas) and is written once and kept. The
/// database reads it as before: one area is "= @id", so an area's children are still read in an index's order.
/// A longer list (a page's 25 children) is left as it is: made one parameter holding the list (EF.Parameter, read
/// through json_each on SQLite), it cost the same CPU for the risk list and the chronology, and changed their plans.
/// </summary>
public static class IdListParameters
{
    /// <summary>Lists longer than this are left as they are (their SQL would be long and its plans many).</summary>
    public const int MostIds = 8;

    public static Expression Rewrite(Expression query) => new Rewriter().Visit(query);

    // Holds one id so the query reads it as a parameter (a member of a captured object), not a constant in its SQL.
    private sealed class Id<TId>(TId value)
    {
        private static readonly PropertyInfo ValueProperty = typeof(Id<TId>).GetProperty(nameof(Value))!;
        public TId Value { get; } = value;

        public static Expression Read(object? id) => Expression.Property(Expression.Constant(new Id<TId>((TId)id!)), ValueProperty);
    }

    // Whether a method is a collection's own Contains, worked out once per method: every query runs through here.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, bool> CollectionContains = new();

    private sealed class Rewriter : ExpressionVisitor
    {
        // A query kept in a local and used inside another (a join, a Contains over a subquery) is read into the outer
        // query as EF Core itself would, so the lists inside it are rewritten too.
        protected override Expression VisitMember(MemberExpression node)
        {
            if (typeof(IQueryable).IsAssignableFrom(node.Type) && TryReadObject(node, out var value)
                && value is IQueryable { Expression: var inner } && inner is not ConstantExpression)
                return Visit(inner);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var (list, item) = node switch
            {
                // list.Contains(item) on a list or set; Enumerable.Contains(list, item) on another sequence; and on an array,
                // which C# 14 reads as a span's Contains (MemoryExtensions) of the array turned into a span
                { Method.Name: nameof(List<int>.Contains), Object: { } target, Arguments.Count: 1 } when IsCollectionContains(node.Method) => (target, node.Arguments[0]),
                { Method.Name: nameof(Enumerable.Contains), Object: null, Arguments.Count: 2 } when node.Method.DeclaringType == typeof(Enumerable)
                    => (node.Arguments[0], node.Arguments[1]),
                { Method.Name: nameof(MemoryExtensions.Contains), Object: null, Arguments: [MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var array] }, var sought] }
                    when node.Method.DeclaringType == typeof(MemoryExtensions) && array.Type.IsArray => (array, sought),
                _ => (null, null),
            };
            // The item is a column (written once per id, so not a subquery), and the list a short list of such ids.
            if (list is null || item is null || (item.Type != typeof(Guid) && item.Type != typeof(string)) || !IsColumn(item)) return base.VisitMethodCall(node);
            if (!TryRead(list, out var values) || values is IQueryable) return base.VisitMethodCall(node);
            var ids = values.Cast<object?>().Take(MostIds + 1).ToList();
            if (ids.Count > MostIds) return base.VisitMethodCall(node);

            var visitedItem = Visit(item);
            Func<object?, Expression> read = item.Type == typeof(Guid) ? Id<Guid>.Read : Id<string>.Read;
            return ids
                .Select(id => (Expression)Expression.Equal(visitedItem, read(id)))
                .DefaultIfEmpty(Expression.Constant(false))
                .Aggregate(Expression.OrElse);
        }

        // A collection's own membership test (ICollection<T>.Contains), not another method of that name (a lookup's key test).
        private static bool IsCollectionContains(MethodInfo method) => CollectionContains.GetOrAdd(method, ImplementsCollectionContains);

        private static bool ImplementsCollectionContains(MethodInfo method)
        {
            if (method.DeclaringType is not { } type || method.GetParameters() is not [var parameter]) return false;
            var collection = typeof(ICollection<>).MakeGenericType(parameter.ParameterType);
            if (type == collection) return true;
            if (type.IsInterface || !collection.IsAssignableFrom(type)) return false;
            return type.GetInterfaceMap(collection).TargetMethods.Contains(method);
        }

        private static bool IsColumn(Expression item) => item switch
        {
            ParameterExpression => true,
            MemberExpression { Expression: { } owner } => IsColumn(owner),
            UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } => IsColumn(operand),
            _ => false,
        };

        // The list as the query would capture it: a constant, or a field or property read from one (a closure's local).
        private static bool TryRead(Expression expression, out IEnumerable values)
        {
            values = Array.Empty<object>();
            if (!TryReadObject(expression, out var read) || read is not IEnumerable sequence || read is string) return false;
            values = sequence;
            return true;
        }

        // Anything that cannot be read as it stands (an owner that is null, a getter that throws) is left for EF Core,
        // which may never read it (filter == null || filter.Ids.Contains(x)).
        private static bool TryReadObject(Expression expression, out object? value)
        {
            value = null;
            try
            {
                switch (expression)
                {
                    case ConstantExpression constant:
                        value = constant.Value;
                        return true;
                    case MemberExpression { Expression: { } owner, Member: FieldInfo field } when TryReadObject(owner, out var from) && from is not null:
                        value = field.GetValue(from);
                        return true;
                    case MemberExpression { Expression: { } owner, Member: PropertyInfo property } when TryReadObject(owner, out var from) && from is not null:
                        value = property.GetValue(from);
                        return true;
                    default:
                        return false;
                }
            }
            catch (Exception e) when (e is TargetInvocationException or TargetException or ArgumentException or InvalidOperationException)
            {
                return false;
            }
        }
    }
}
