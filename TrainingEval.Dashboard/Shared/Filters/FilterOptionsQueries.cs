using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Shared.Filters;

/// <summary>A program, cohort or department offered in a filter: its code and both names.</summary>
public sealed record FilterChoice(string Code, string Name, string? NameEn) : IBilingualName;

/// <summary>A cohort offered in a filter, with its program and start date so the list can follow the other filters.</summary>
public sealed record CohortChoice(string Code, string Name, string? NameEn, string ProgramCode, DateOnly StartDate) : IBilingualName;

/// <summary>Everything the filter bar can offer.</summary>
public sealed record FilterChoices(
    IReadOnlyList<FilterChoice> Programs,
    IReadOnlyList<CohortChoice> Cohorts,
    IReadOnlyList<FilterChoice> Departments)
{
    public static FilterChoices None { get; } = new([], [], []);
}

/// <summary>Reads the lists behind the filter bar (programs, cohorts, departments).</summary>
public sealed class FilterOptionsQueries(IDbContextFactory<TrainingDbContext> factory)
{
    public async Task<FilterChoices> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var programs = await db.Programs.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new FilterChoice(p.Code, p.Name, p.NameEn))
            .ToListAsync(cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Code)
            .Select(c => new CohortChoice(c.Code, c.Name, c.NameEn, c.Program!.Code, c.StartDate))
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking()
            .OrderBy(d => d.Code)
            .Select(d => new FilterChoice(d.Code, d.Name, d.NameEn))
            .ToListAsync(cancellationToken);
        return new FilterChoices(programs, cohorts, departments);
    }
}
