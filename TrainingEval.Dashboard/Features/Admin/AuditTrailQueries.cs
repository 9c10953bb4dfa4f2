using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Admin;

/// <summary>Filter and page of the audit trail. Dates are days in the organisation's time zone (<see cref="LocalTime"/>), both ends inclusive.</summary>
public sealed record AuditTrailQuery(
    string? Actor,
    string? EntityType,
    string? Search,
    DateOnly? From,
    DateOnly? To,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize);

public sealed record AuditTrailRow(
    long Id, DateTime At, string Actor, string EntityType, string EntityKey, AuditAction Action, string? Property, string? OldValue, string? NewValue);

/// <summary>Reads the audit trail for admins and HR analysts. There is deliberately no write method: rows are only ever added by saves.</summary>
public sealed class AuditTrailQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, LocalTime time)
{
    /// <summary>At most this many lines go into one export (newest first); the page says so when a filter matches more.</summary>
    public const int ExportLimit = 50_000;

    /// <summary>Newest first.</summary>
    public async Task<PagedResult<AuditTrailRow>> SearchAsync(AuditTrailQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await access.EnsureInRoleAsync(Roles.Staff, "audit trail");
        var page = Paging.ClampPage(query.Page);
        var pageSize = Paging.ClampPageSize(query.PageSize);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db, query, time.Zone);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(r => r.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new AuditTrailRow(r.Id, r.At, r.Actor, r.EntityType, r.EntityKey, r.Action, r.Property, r.OldValue, r.NewValue))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditTrailRow>(items, total, page, pageSize);
    }

    /// <summary>Every line the filter matches, newest first, up to <see cref="ExportLimit"/> (for the export).</summary>
    public async Task<IReadOnlyList<AuditTrailRow>> AllAsync(AuditTrailQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await access.EnsureInRoleAsync(Roles.Staff, "audit trail");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Filter(db, query, time.Zone)
            .OrderByDescending(r => r.Id)
            .Take(ExportLimit)
            .Select(r => new AuditTrailRow(r.Id, r.At, r.Actor, r.EntityType, r.EntityKey, r.Action, r.Property, r.OldValue, r.NewValue))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filter(TrainingDbContext db, AuditTrailQuery query, TimeZoneInfo zone)
    {
        var rows = db.AuditTrail.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
            rows = rows.Where(r => r.Actor == query.Actor.Trim());
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            rows = rows.Where(r => r.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.ContainsPattern(query.Search);
            rows = rows.Where(r => TextSearch.Matches(r.EntityKey, pattern)
                || TextSearch.Matches(r.OldValue!, pattern)
                || TextSearch.Matches(r.NewValue!, pattern));
        }
        if (query.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            rows = rows.Where(r => r.At >= start);
        }
        if (query.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            rows = rows.Where(r => r.At < end);
        }
        return rows;
    }

    /// <summary>The actors and entity types present, for the filter menus.</summary>
    public async Task<(IReadOnlyList<string> Actors, IReadOnlyList<string> EntityTypes)> FilterChoicesAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "audit trail");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var actors = await db.AuditTrail.AsNoTracking().Select(r => r.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var types = await db.AuditTrail.AsNoTracking().Select(r => r.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return (actors, types);
    }
}
