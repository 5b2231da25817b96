using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// A query EF compiles once (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, CancellationToken, TResult}})"/>),
/// for queries every request runs, where preparing the LINQ query each time costs more than running it. EF binds a
/// compiled query to the first model it runs against; Beacon has one model per database (SQLite, PostgreSQL) and the
/// tests run both in one process, so each model gets its own compilation.
/// </summary>
internal sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> _byModel = new();

    public TDelegate For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
