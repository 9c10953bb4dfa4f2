using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// Filter and page of the cohorts list; every field comes from the URL. A cohort matches the date range
/// when it starts in it (both ends inclusive), as everywhere on the dashboard (<c>DashboardFilter.CoversStart</c>).
/// <see cref="Measures"/> keeps the cohorts that measure a level: a learner's stored score has coverage above 0 on it, the
/// rule of <c>CohortSummary.Measures</c> that the overview's coverage funnel counts with (what its bars drill to);
/// <see cref="ScoredOnly"/> the cohorts with a stored score (the funnel's first bar).
/// </summary>
public sealed record CohortListQuery(
    string? Search,
    string? ProgramCode,
    DateOnly? From,
    DateOnly? To,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    KirkpatrickLevel? Measures = null,
    bool ScoredOnly = false);

/// <summary>
/// A row of the cohorts list. <see cref="Learners"/> counts enrollments that did not withdraw;
/// the means are over the stored scores of the cohort (null when nothing is scored yet).
/// </summary>
public sealed record CohortListRow(
    string Code,
    string Name,
    string? NameEn,
    string ProgramCode,
    string ProgramName,
    string? ProgramNameEn,
    DateOnly StartDate,
    DateOnly EndDate,
    CohortStatus Status,
    int Learners,
    double? MeanComposite,
    double? MeanCoverage);

/// <summary>Read queries of the cohorts list.</summary>
public sealed class CohortListQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    /// <summary>A page of cohorts, newest start first, matching the search (code or name), program and date range.</summary>
    public async Task<PagedResult<CohortListRow>> SearchAsync(CohortListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Paging.ClampPage(query.Page);
        var pageSize = Paging.ClampPageSize(query.PageSize);

        var user = await access.EnsureInRoleAsync(Roles.ReadersAndMentors, "cohorts list");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohorts = db.Cohorts.AsNoTracking();
        // A mentor lists only the cohorts where they mentor someone.
        if (!user.ReadsEverything)
            cohorts = cohorts.Where(c => c.Enrollments.Any(e => e.MentorId == user.MentorId));
        // Codes match by their key (spec section 9), so "lean" finds LEAN-1 on every provider.
        cohorts = Search.SearchMatching.Cohorts(cohorts, query.Search);
        if (!string.IsNullOrWhiteSpace(query.ProgramCode))
            cohorts = cohorts.Where(c => c.Program!.CodeKey == NaturalKey.Of(query.ProgramCode));
        if (query.From is { } from)
            cohorts = cohorts.Where(c => c.StartDate >= from);
        if (query.To is { } to)
            cohorts = cohorts.Where(c => c.StartDate <= to);
        if (query.ScoredOnly)
            cohorts = cohorts.Where(c => db.LearnerScores.Any(s => s.CohortId == c.Id));
        if (query.Measures is { } level)
            cohorts = cohorts.Where(c => MeasuringLevel(db, level).Any(s => s.CohortId == c.Id));

        var total = await cohorts.CountAsync(cancellationToken);
        var rows = await cohorts
            .OrderByDescending(c => c.StartDate)
            .ThenBy(c => c.Code)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Code, c.Name, c.NameEn,
                ProgramCode = c.Program!.Code, ProgramName = c.Program.Name, ProgramNameEn = c.Program.NameEn,
                c.StartDate, c.EndDate, IsClosed = c.ClosedAt != null,
                Learners = c.Enrollments.Count(e => e.Status != EnrollmentStatus.Withdrawn),
                MeanComposite = db.LearnerScores.Where(s => s.CohortId == c.Id && s.Composite != null).Average(s => s.Composite),
                MeanCoverage = db.LearnerScores.Where(s => s.CohortId == c.Id).Average(s => (double?)s.Coverage),
            })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = rows.ConvertAll(c => new CohortListRow(c.Code, c.Name, c.NameEn, c.ProgramCode, c.ProgramName, c.ProgramNameEn, c.StartDate, c.EndDate,
            CohortStatuses.Of(c.StartDate, c.EndDate, c.IsClosed, today), c.Learners, c.MeanComposite, c.MeanCoverage));

        return new PagedResult<CohortListRow>(items, total, page, pageSize);
    }

    // Mean coverage above 0 (CohortSummary.Measures) is the same as one learner's coverage above 0: coverage is never negative.
    private static IQueryable<LearnerScoreRecord> MeasuringLevel(TrainingDbContext db, KirkpatrickLevel level) => level switch
    {
        KirkpatrickLevel.Reaction => db.LearnerScores.Where(s => s.ReactionCoverage > 0),
        KirkpatrickLevel.Learning => db.LearnerScores.Where(s => s.LearningCoverage > 0),
        KirkpatrickLevel.Behavior => db.LearnerScores.Where(s => s.BehaviorCoverage > 0),
        KirkpatrickLevel.Results => db.LearnerScores.Where(s => s.ResultsCoverage > 0),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a Kirkpatrick level"),
    };
}
