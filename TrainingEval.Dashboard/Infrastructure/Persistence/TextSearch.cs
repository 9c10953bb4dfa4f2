using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Free-text matching that ignores letter case on every provider: the one place that decides how. Queries call
/// <see cref="Matches"/>; the context's <see cref="TextSearchInterceptor"/> turns it into SQLite's <c>LIKE</c> (which
/// ignores the case of ASCII letters) or PostgreSQL's <c>ILIKE</c> (whose plain <c>LIKE</c> is case-sensitive), both with
/// <c>\</c> as the escape character. For letters beyond ASCII the providers still differ: ILIKE folds them by the
/// database's locale, SQLite's LIKE compares them as written. (Codes and employee numbers match by their keys, which
/// are upper-cased by .NET before they are stored, spec section 9, so they match the same on both.)
/// </summary>
public static class TextSearch
{
    /// <summary>
    /// Whether <paramref name="value"/> matches the LIKE <paramref name="pattern"/> (<c>%</c>, <c>_</c>; <c>\</c> escapes
    /// them; see <c>Paging.ContainsPattern</c>), ignoring letter case. Only inside a query: the database evaluates it.
    /// </summary>
    public static bool Matches(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(TextSearch)}.{nameof(Matches)} only runs inside a database query.");

    internal static readonly MethodInfo MatchesMethod = typeof(TextSearch).GetMethod(nameof(Matches))!;
}

/// <summary>Rewrites <see cref="TextSearch.Matches"/> into the provider's case-insensitive LIKE before EF compiles a query.</summary>
/// <remarks>
/// One instance per provider (<see cref="For"/>): a query-expression interceptor is part of EF's internal service
/// provider, so a new instance per set of options would build a new internal provider each time.
/// </remarks>
public sealed class TextSearchInterceptor : IQueryExpressionInterceptor
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    // After the methods above: static fields initialise in order.
    private static readonly TextSearchInterceptor SqliteLike = new(DatabaseProvider.Sqlite);
    private static readonly TextSearchInterceptor PostgresILike = new(DatabaseProvider.Postgres);

    private TextSearchInterceptor(DatabaseProvider provider) =>
        _rewriter = new(provider == DatabaseProvider.Postgres ? ILike : Like);

    public static TextSearchInterceptor For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? PostgresILike : SqliteLike;

    private readonly Rewriter _rewriter;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => _rewriter.Visit(queryExpression);

    private sealed class Rewriter(MethodInfo like) : ExpressionVisitor
    {
        // As EF sees EF.Functions once it has evaluated what needs no database: a constant.
        private static readonly Expression Functions = Expression.Constant(EF.Functions);
        private static readonly Expression Escape = Expression.Constant(@"\");

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != TextSearch.MatchesMethod)
                return base.VisitMethodCall(node);
            return Expression.Call(like, Functions, Visit(node.Arguments[0]), Visit(node.Arguments[1]), Escape);
        }
    }
}
