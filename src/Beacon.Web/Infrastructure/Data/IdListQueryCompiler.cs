using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Beacon.Web.Infrastructure.Data;

#pragma warning disable EF1001 // EF Core's query compiler is internal API: this adds one step in front of it and changes nothing else.
/// <summary>
/// Every query, before EF Core runs it, has its short lists of ids written as one parameter per id
/// (<see cref="IdListParameters"/>): a person's areas are in nearly every query through the need-to-know rule, and a
/// query with a list in it had its SQL written again on every run (7 % of My work's CPU under load).
/// </summary>
internal sealed class IdListQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext, evaluatableExpressionFilter, model)
{
    public override TResult Execute<TResult>(Expression query) => base.Execute<TResult>(IdListParameters.Rewrite(query));

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken) =>
        base.ExecuteAsync<TResult>(IdListParameters.Rewrite(query), cancellationToken);
}

internal static class IdListQueryCompilerRegistration
{
    /// <summary>Runs every query of this context through <see cref="IdListQueryCompiler"/>.</summary>
    public static DbContextOptionsBuilder UseIdListParameters(this DbContextOptionsBuilder options) =>
        options.ReplaceService<IQueryCompiler, IdListQueryCompiler>();
}
#pragma warning restore EF1001
