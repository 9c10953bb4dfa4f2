using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Promotions;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>Who a suggestion or pool member is.</summary>
public sealed record ReportPerson(int LearnerId, string EmployeeNumber, string Name, string? NameEn, string DepartmentCode, string DepartmentName, string? DepartmentNameEn,
    string Position, string? PositionEn) : IBilingualName;

/// <summary>HR's recorded decision on a suggestion.</summary>
public sealed record PromotionDecisionView(PromotionDecisionKind Decision, string? Note, string DecidedBy, DateTime DecidedAt, int Revision);

/// <summary>One promotion suggestion with its evidence and HR's decision, if any.</summary>
public sealed record PromotionSuggestion(ReportPerson Person, int CohortId, string CohortName, string? CohortNameEn, string ProgramCode, string ProgramName, string? ProgramNameEn, PromotionEvidence Evidence,
    PromotionDecisionView? Decision);

/// <summary>One member of the high-potential pool; <paramref name="ProgramCodes"/> and <paramref name="ProgramNames"/> are the programs of the window, in the same order.</summary>
public sealed record HighPotentialRow(ReportPerson Person, HighPotentialMember Member, IReadOnlyList<string> ProgramCodes, IReadOnlyList<string> ProgramNames);

/// <summary>
/// The program and department filters of the promotion and high-potential lists (issue 21): the lists are computed for the
/// whole company — a pool member's rank is their rank in the company — and the filter only narrows what is shown and
/// exported. A suggestion matches a program through its latest cohort, a pool member through any program of the window.
/// </summary>
public static class PromotionFilters
{
    public static IReadOnlyList<PromotionSuggestion> Apply(IEnumerable<PromotionSuggestion> suggestions, DashboardFilter filter) =>
        [.. suggestions.Where(s => InDepartment(s.Person, filter) && (filter.ProgramCode is null || NaturalKey.Same(s.ProgramCode, filter.ProgramCode)))];

    public static IReadOnlyList<HighPotentialRow> Apply(IEnumerable<HighPotentialRow> pool, DashboardFilter filter) =>
        [.. pool.Where(r => InDepartment(r.Person, filter) && (filter.ProgramCode is null || r.ProgramCodes.Any(c => NaturalKey.Same(c, filter.ProgramCode))))];

    /// <summary>The filter's program and department by name in the reader's language (as the rows carry them), else by code; null when not filtered.</summary>
    public static (string? Program, string? Department) Describe(IReadOnlyList<HighPotentialRow> pool, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(filter);
        string? program = null;
        if (filter.ProgramCode is { } code)
        {
            program = pool.SelectMany(r => r.ProgramCodes.Zip(r.ProgramNames)).FirstOrDefault(p => NaturalKey.Same(p.First, code)).Second ?? code;
        }
        return (program, DepartmentName(pool.Select(r => r.Person), filter));
    }

    public static (string? Program, string? Department) Describe(IReadOnlyList<PromotionSuggestion> suggestions, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(filter);
        var program = filter.ProgramCode is { } code
            ? suggestions.FirstOrDefault(s => NaturalKey.Same(s.ProgramCode, code)) is { } s ? Bilingual.Pick(s.ProgramName, s.ProgramNameEn) : code
            : null;
        return (program, DepartmentName(suggestions.Select(s => s.Person), filter));
    }

    private static string? DepartmentName(IEnumerable<ReportPerson> people, DashboardFilter filter) => filter.DepartmentCode is { } code
        ? people.FirstOrDefault(p => NaturalKey.Same(p.DepartmentCode, code)) is { } person ? Bilingual.Pick(person.DepartmentName, person.DepartmentNameEn) : code
        : null;

    private static bool InDepartment(ReportPerson person, DashboardFilter filter) =>
        filter.DepartmentCode is null || NaturalKey.Same(person.DepartmentCode, filter.DepartmentCode);
}

/// <summary>
/// Promotion suggestions (晋升建议) and the high-potential pool (高潜人才), for HR and executives only (issue 8);
/// only HR and admins record decisions.
/// </summary>
public sealed class PromotionQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    /// <summary>Roles that see suggestions and the pool.</summary>
    public const string Viewers = Roles.Readers;

    public async Task<IReadOnlyList<PromotionSuggestion>> SuggestionsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Viewers, "promotion suggestions");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ComputeAsync(db, cancellationToken);
    }

    /// <summary>The suggestions from the stored scores as <paramref name="db"/> sees them (also inside a transaction that closes a cohort).</summary>
    internal static async Task<IReadOnlyList<PromotionSuggestion>> ComputeAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        var scored = await db.LearnerScores.AsNoTracking()
            .Where(s => s.Composite != null)
            .Select(s => new { s.LearnerId, s.EnrollmentId, s.CohortId, s.Cohort!.Code, s.Cohort.Name, s.Cohort.NameEn, ProgramCode = s.Cohort.Program!.Code, ProgramName = s.Cohort.Program.Name, ProgramNameEn = s.Cohort.Program.NameEn, s.Cohort.StartDate, s.Cohort.EndDate, s.Composite, s.Tier })
            .ToListAsync(cancellationToken);
        // The rule looks at each learner's latest scored cohort only; gather the costly evidence for tier A there.
        var latest = scored.GroupBy(s => s.LearnerId)
            .Select(g => g.OrderByDescending(s => s.EndDate).ThenByDescending(s => s.Code, StringComparer.Ordinal).First())
            .Where(s => s.Tier == Tier.A)
            .ToList();
        var learnerIds = latest.Select(s => s.LearnerId).ToList();
        var enrollmentIds = latest.Select(s => s.EnrollmentId).ToList();
        var reviews = (await db.PerformanceReviews.AsNoTracking().Where(r => learnerIds.Contains(r.LearnerId))
            .Select(r => new { r.LearnerId, r.ReviewedOn, r.BehaviorRating, r.CohortId, r.Timing }).ToListAsync(cancellationToken)).ToLookup(r => r.LearnerId);
        var ratings = (await db.MentorRatings.AsNoTracking().Where(r => enrollmentIds.Contains(r.EnrollmentId))
            .Select(r => new { r.EnrollmentId, r.Dimension, r.Sequence, r.Score }).ToListAsync(cancellationToken)).ToLookup(r => r.EnrollmentId);
        // Confirmed cases only, as the application indicator counts them.
        var applications = await db.ApplicationEvents.AsNoTracking().Where(a => enrollmentIds.Contains(a.EnrollmentId) && a.Status == ApplicationCaseStatus.Confirmed)
            .GroupBy(a => a.EnrollmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var kpis = (await db.KpiMeasurements.AsNoTracking().Where(m => m.EnrollmentId != null && enrollmentIds.Contains(m.EnrollmentId.Value) && m.Actual != null)
            .Select(m => new { EnrollmentId = m.EnrollmentId!.Value, m.Baseline, m.Target, Actual = m.Actual!.Value }).ToListAsync(cancellationToken))
            .ToLookup(m => m.EnrollmentId);

        var evidence = latest.ConvertAll(s =>
        {
            var (before, after) = IndicatorDerivation.PairReviews(reviews[s.LearnerId], r => r.ReviewedOn, r => r.CohortId == s.CohortId ? r.Timing : null, s.StartDate, s.EndDate);
            var current = ratings[s.EnrollmentId].GroupBy(r => r.Dimension).Select(g => g.MaxBy(r => r.Sequence)!.Score).ToList();
            // The kpi indicator's points (target achievement, 0–100), averaged over the learner's own KPIs.
            var achievements = kpis[s.EnrollmentId].Select(m => Math.Clamp((m.Actual - m.Baseline) / (m.Target - m.Baseline), 0, 1) * 100).ToList();
            return new PromotionEvidence(s.LearnerId, s.Code, s.EndDate, s.Composite, s.Tier, before?.BehaviorRating, after?.BehaviorRating,
                current.Count > 0 ? current.Average() : null, applications.GetValueOrDefault(s.EnrollmentId),
                achievements.Count > 0 ? achievements.Average() : null);
        });
        var suggested = PromotionRules.Suggest(evidence);
        var ids = suggested.Select(e => e.LearnerId).ToList();
        var people = await People(db, ids, cancellationToken);
        var decisions = await db.PromotionDecisions.AsNoTracking().Where(d => ids.Contains(d.LearnerId)).ToListAsync(cancellationToken);
        var cohortByLearner = latest.ToDictionary(s => s.LearnerId);
        return suggested.Select(e =>
        {
            var c = cohortByLearner[e.LearnerId];
            var d = decisions.FirstOrDefault(x => x.LearnerId == e.LearnerId && x.CohortId == c.CohortId);
            return new PromotionSuggestion(people[e.LearnerId], c.CohortId, c.Name, c.NameEn, c.ProgramCode, c.ProgramName, c.ProgramNameEn, e,
                d is null ? null : new PromotionDecisionView(d.Decision, d.Note, d.DecidedBy, d.DecidedAt, d.Revision));
        }).ToList();
    }

    /// <summary>Records (or changes) HR's decision on a suggestion; audited. <paramref name="revision"/> is the decision's revision the user saw, null if none.</summary>
    public async Task DecideAsync(int learnerId, int cohortId, PromotionDecisionKind decision, string? note, int? revision, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Staff, "promotion decisions");
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        if (!Enum.IsDefined(decision))
            throw new DataValidationException($"Decision {decision} is unknown.");
        if (note?.Length > PromotionDecision.NoteMaxLength)
            throw new DataValidationException($"The note must be at most {PromotionDecision.NoteMaxLength} characters; it has {note.Length}.");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Enrollments.AnyAsync(e => e.LearnerId == learnerId && e.CohortId == cohortId, cancellationToken))
            throw new DataValidationException($"Learner {learnerId} was not enrolled in cohort {cohortId}.");
        var row = await db.PromotionDecisions.FirstOrDefaultAsync(d => d.LearnerId == learnerId && d.CohortId == cohortId, cancellationToken);
        if (row is null)
        {
            if (revision is not null)
                throw new ConcurrencyConflictException("This decision was removed since you opened the page; reload it.");
            row = new PromotionDecision { LearnerId = learnerId, CohortId = cohortId, DecidedBy = user.Name };
            db.PromotionDecisions.Add(row);
        }
        else if (row.Revision != revision)
        {
            throw new ConcurrencyConflictException($"{row.DecidedBy} decided on this suggestion since you opened the page; reload it.");
        }
        row.Decision = decision;
        row.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        row.DecidedBy = user.Name;
        row.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HighPotentialRow>> HighPotentialAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Viewers, "high-potential pool");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.LearnerScores.AsNoTracking()
            .Where(s => s.Composite != null)
            .Select(s => new { s.LearnerId, ProgramCode = s.Cohort!.Program!.Code, s.Cohort.Program.Name, s.Cohort.Program.NameEn, s.Cohort.EndDate, Composite = s.Composite!.Value })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var pool = HighPotentialPool.Select(rows.Select(r => new LearnerCohortComposite(r.LearnerId, r.ProgramCode, r.EndDate, r.Composite)), today);
        var people = await People(db, pool.Select(m => m.LearnerId).ToList(), cancellationToken);
        var from = today.AddYears(-HighPotentialPool.WindowYears);
        return pool.Select(m =>
        {
            var programs = rows.Where(r => r.LearnerId == m.LearnerId && r.EndDate > from && r.EndDate <= today)
                .DistinctBy(r => r.ProgramCode).ToList();
            return new HighPotentialRow(people[m.LearnerId], m, [.. programs.Select(r => r.ProgramCode)], [.. programs.Select(r => Bilingual.Pick(r.Name, r.NameEn))]);
        }).ToList();
    }

    private static Task<Dictionary<int, ReportPerson>> People(TrainingDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        db.Learners.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new ReportPerson(l.Id, l.EmployeeNumber, l.Name, l.NameEn, l.Department!.Code, l.Department.Name, l.Department.NameEn, l.Position, l.PositionEn))
            .ToDictionaryAsync(p => p.LearnerId, cancellationToken);
}
