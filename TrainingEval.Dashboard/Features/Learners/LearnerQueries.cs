using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Learners;

/// <summary>One page of a server-paged list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>Paging limits shared by the list pages and their queries.</summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int SearchMaxLength = 100;

    public static int ClampPage(int page) => Math.Max(1, page);

    public static int ClampPageSize(int pageSize) => pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);

    /// <summary>A SQL LIKE pattern matching <paramref name="text"/> anywhere, with LIKE's wildcards escaped (escape char '\').</summary>
    public static string ContainsPattern(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > SearchMaxLength)
            trimmed = trimmed[..SearchMaxLength];
        return "%" + trimmed.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
    }
}

/// <summary>Who the learner is: the header of the learner page.</summary>
public sealed record LearnerHeader(
    int Id,
    string EmployeeNumber,
    string Name,
    string? NameEn,
    string DepartmentName,
    string? DepartmentNameEn,
    string Position,
    string? PositionEn,
    string? MentorName,
    string? MentorNameEn);

/// <summary>
/// The learner's enrollment in one cohort with the stored score (null score fields when not scored yet) and the cohort's
/// status today (<see cref="CohortStatuses.Of"/>).
/// </summary>
public sealed record LearnerCohortRow(
    int CohortId,
    string CohortCode,
    string CohortName,
    string? CohortNameEn,
    string ProgramName,
    string? ProgramNameEn,
    DateOnly StartDate,
    DateOnly EndDate,
    bool IsClosed,
    EnrollmentStatus Status,
    bool IsScored,
    double? Reaction,
    double? Learning,
    double? Behavior,
    double? Results,
    double? Composite,
    double? Coverage,
    Tier? Tier,
    bool? Passed,
    int? Rank,
    int RankedCount,
    int? ProfileVersionNumber,
    CohortStatus CohortStatus)
{
    public bool IsProvisional => Provisional.Applies(Composite, Coverage);

    /// <summary>The cohort has not ended: the learner's tier and rank in it are provisional as a whole (spec section 9).</summary>
    public bool CohortResultsAreProvisional => CohortStatus.ResultsAreProvisional();

    public CohortOutcome ToOutcome() =>
        new(CohortCode, StartDate, EndDate, IsClosed, Composite, Coverage ?? 0, [Reaction, Learning, Behavior, Results]);
}

/// <summary>One weekly learning health snapshot.</summary>
public sealed record HealthSnapshotRow(int IsoYear, int IsoWeek, DateOnly WeekEnd, double? Index);

/// <summary>Everything the learner page shows, read in one go.</summary>
public sealed record LearnerVerticalView(
    LearnerHeader Learner,
    IReadOnlyList<LearnerCohortRow> Cohorts,
    IReadOnlyList<DimensionRating> Ratings,
    IReadOnlyList<HealthSnapshotRow> Health)
{
    public IReadOnlySet<int> CohortIds { get; } = Cohorts.Select(c => c.CohortId).ToHashSet();
}

/// <summary>A row of the learners list.</summary>
public sealed record LearnerListRow(
    string EmployeeNumber,
    string Name,
    string? NameEn,
    string DepartmentName,
    string? DepartmentNameEn,
    string Position,
    string? PositionEn,
    int CohortCount,
    double? LatestComposite,
    double? LatestCoverage)
{
    public bool LatestIsProvisional => Provisional.Applies(LatestComposite, LatestCoverage);
}

/// <summary>Filter and page of the learners list; every field comes from the URL.</summary>
/// <summary>
/// A learners-list search. <paramref name="IncludeNeverEnrolled"/>: the employee register holds people who never joined a
/// cohort; they are left out unless asked for (issue 14, item 17), as they have nothing to evaluate.
/// </summary>
/// <param name="Tier">Only learners with a score of this tier in a cohort of <paramref name="TierCohorts"/> (a drill from the overview's tier donut).</param>
/// <param name="TierCohorts">Which cohorts the tier counts in (program and start-date range); only with <paramref name="Tier"/>.</param>
public sealed record LearnerListQuery(string? Search, string? DepartmentCode, int Page = 1, int PageSize = Paging.DefaultPageSize, bool IncludeNeverEnrolled = false,
    Tier? Tier = null, DashboardFilter? TierCohorts = null);

/// <summary>Read queries of the learner pages (vertical comparison and learners list).</summary>
public sealed class LearnerQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    /// <summary>The learner page's data, or null when no learner has this employee number.</summary>
    public async Task<LearnerVerticalView?> GetVerticalViewAsync(string employeeNumber, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(employeeNumber) || employeeNumber.Length > Learner.EmployeeNumberMaxLength)
            return null;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var learner = await db.Learners.AsNoTracking()
            .Where(l => l.EmployeeNumberKey == NaturalKey.Of(employeeNumber))
            .Select(l => new LearnerHeader(
                l.Id, l.EmployeeNumber, l.Name, l.NameEn,
                l.Department!.Name, l.Department.NameEn,
                l.Position, l.PositionEn,
                l.Mentor != null ? l.Mentor.Name : null,
                l.Mentor != null ? l.Mentor.NameEn : null))
            .SingleOrDefaultAsync(cancellationToken);
        // Checked before "not found" is told, so nobody learns which employee numbers exist by probing.
        if (learner is null)
        {
            if (!(await access.VisibleLearnerIdsAsync(cancellationToken) is null))
                throw new AccessDeniedException($"learner {employeeNumber}");
            return null;
        }
        await access.EnsureCanReadLearnerAsync(learner.Id, cancellationToken);

        var cohorts = await db.Enrollments.AsNoTracking()
            .Where(e => e.LearnerId == learner.Id)
            .Select(e => new
            {
                e.CohortId,
                e.Cohort!.Code,
                e.Cohort.Name,
                e.Cohort.NameEn,
                ProgramName = e.Cohort.Program!.Name,
                ProgramNameEn = e.Cohort.Program.NameEn,
                e.Cohort.StartDate,
                e.Cohort.EndDate,
                e.Cohort.ClosedAt,
                e.Status,
                Score = db.LearnerScores.Where(s => s.EnrollmentId == e.Id).Select(s => new
                {
                    s.Reaction, s.Learning, s.Behavior, s.Results, s.Composite, s.Coverage, s.Tier, s.Passed, s.Rank, s.ProfileVersionNumber,
                }).FirstOrDefault(),
                Ranked = db.LearnerScores.Count(s => s.CohortId == e.CohortId && s.Rank != null),
            })
            .ToListAsync(cancellationToken);

        var ratings = await db.MentorRatings.AsNoTracking()
            .Where(r => r.Enrollment!.LearnerId == learner.Id)
            .Select(r => new DimensionRating(r.Dimension, r.RatedAt, r.Score, r.Enrollment!.Cohort!.Code))
            .ToListAsync(cancellationToken);

        var health = await db.HealthSnapshots.AsNoTracking()
            .Where(h => h.LearnerId == learner.Id)
            .OrderBy(h => h.IsoYear).ThenBy(h => h.IsoWeek)
            .Select(h => new HealthSnapshotRow(h.IsoYear, h.IsoWeek, h.WeekEnd, h.Index))
            .ToListAsync(cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = cohorts
            .Select(c => new LearnerCohortRow(
                c.CohortId, c.Code, c.Name, c.NameEn, c.ProgramName, c.ProgramNameEn, c.StartDate, c.EndDate, c.ClosedAt != null, c.Status,
                c.Score is not null,
                c.Score?.Reaction, c.Score?.Learning, c.Score?.Behavior, c.Score?.Results,
                c.Score?.Composite, c.Score?.Coverage, c.Score?.Tier, c.Score?.Passed, c.Score?.Rank,
                c.Ranked, c.Score?.ProfileVersionNumber, CohortStatuses.Of(c.StartDate, c.EndDate, c.ClosedAt != null, today)))
            .ToList();
        var ordered = LearnerTrajectory.InEndOrder(rows.Select(r => r.ToOutcome()));
        var position = ordered.Select((o, i) => (o.CohortCode, i)).ToDictionary(p => p.CohortCode, p => p.i, StringComparer.Ordinal);
        rows.Sort((a, b) => position[a.CohortCode].CompareTo(position[b.CohortCode]));

        return new LearnerVerticalView(learner, rows, ratings, health);
    }

    /// <summary>A page of learners matching the search (every word in a name in either language or the employee number, <see cref="Search.SearchMatching"/>) and department; only people ever enrolled unless the query includes the others.</summary>
    public async Task<PagedResult<LearnerListRow>> SearchAsync(LearnerListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Paging.ClampPage(query.Page);
        var pageSize = Paging.ClampPageSize(query.PageSize);

        await access.EnsureInRoleAsync(Roles.ReadersAndMentors, "learners list");
        var visible = await access.VisibleLearnerIdsAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var learners = db.Learners.AsNoTracking();
        if (visible is not null)
            learners = learners.Where(l => visible.Contains(l.Id));
        learners = Search.SearchMatching.Learners(learners, query.Search);
        if (!string.IsNullOrWhiteSpace(query.DepartmentCode))
            learners = learners.Where(l => l.Department!.Code == query.DepartmentCode);
        if (!query.IncludeNeverEnrolled)
            learners = learners.Where(l => l.Enrollments.Any());
        if (query.Tier is { } tier)
        {
            var cohorts = StoredScores.Cohorts(db, query.TierCohorts ?? DashboardFilter.Empty).Select(c => c.Id);
            learners = learners.Where(l => db.LearnerScores.Any(s => s.LearnerId == l.Id && s.Tier == tier && cohorts.Contains(s.CohortId)));
        }

        var total = await learners.CountAsync(cancellationToken);
        var items = await learners
            .OrderBy(l => l.EmployeeNumber)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(l => new
            {
                l.EmployeeNumber, l.Name, l.NameEn,
                DepartmentName = l.Department!.Name, DepartmentNameEn = l.Department.NameEn,
                l.Position, l.PositionEn,
                Cohorts = l.Enrollments.Count,
                Latest = db.LearnerScores
                    .Where(s => s.LearnerId == l.Id && s.Composite != null)
                    .OrderByDescending(s => s.Cohort!.EndDate)
                    .Select(s => new { s.Composite, s.Coverage })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new PagedResult<LearnerListRow>(
            [.. items.Select(i => new LearnerListRow(i.EmployeeNumber, i.Name, i.NameEn, i.DepartmentName, i.DepartmentNameEn,
                i.Position, i.PositionEn, i.Cohorts, i.Latest?.Composite, i.Latest?.Coverage))],
            total, page, pageSize);
    }
}
