using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Looks rows up by a list of keys in chunks, so a file of any size never puts more values into one statement
/// than a provider allows (SQLite 32,766 variables, PostgreSQL 65,535): a learners file of 54,808 employees is
/// 55 queries of 1,000 keys each instead of one statement that fails with "too many SQL variables".
/// </summary>
public static class BatchedLookup
{
    /// <summary>Keys per statement: far below every provider's limit, and large enough that round trips stay few.</summary>
    public const int ChunkSize = 1_000;

    /// <summary>The rows of <paramref name="query"/> whose <paramref name="key"/> is one of <paramref name="keys"/>.</summary>
    public static async Task<List<T>> WhereInAsync<T, TKey>(this IQueryable<T> query, IEnumerable<TKey> keys, Expression<Func<T, TKey>> key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(key);
        var rows = new List<T>();
        foreach (var chunk in keys.Distinct().Chunk(ChunkSize))
            rows.AddRange(await query.Where(In(chunk, key)).ToListAsync(cancellationToken));
        return rows;
    }

    /// <summary>As <see cref="WhereInAsync{T, TKey}"/>, each row projected by <paramref name="select"/> after the filter (a record's constructor is not filterable SQL).</summary>
    public static async Task<List<TResult>> WhereInAsync<T, TKey, TResult>(this IQueryable<T> query, IEnumerable<TKey> keys, Expression<Func<T, TKey>> key,
        Expression<Func<T, TResult>> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(key);
        var rows = new List<TResult>();
        foreach (var chunk in keys.Distinct().Chunk(ChunkSize))
            rows.AddRange(await query.Where(In(chunk, key)).Select(select).ToListAsync(cancellationToken));
        return rows;
    }

    /// <summary><c>x => chunk.Contains(key(x))</c> with the chunk as a query parameter (a captured value), not as inlined constants.</summary>
    private static Expression<Func<T, bool>> In<T, TKey>(TKey[] chunk, Expression<Func<T, TKey>> key)
    {
        var holder = new Holder<TKey[]>(chunk);
        var values = Expression.Property(Expression.Constant(holder), nameof(Holder<TKey[]>.Value));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], values, key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
