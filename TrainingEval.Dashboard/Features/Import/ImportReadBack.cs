using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// One page of a cohort's records of one kind, in the kind's import columns: every row is what the import would read, so
/// a page written back as a file re-imports unchanged. <see cref="TotalCount"/> counts records; a record that a file
/// writes as several rows (a survey response, one row per item; an assessment or result with a practical part) gives
/// them all on its page.
/// </summary>
public sealed record RecordPage(string Kind, string CohortCode, int Page, int PageSize, int TotalCount, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows);

/// <summary>
/// Reads a cohort's records back in the import formats (<c>GET /api/v1/cohorts/{code}/records/{kind}</c>), ordered by
/// when they were stored and paged. What belongs to a cohort: its own records, its program and the program's KPIs, its
/// learners and their reviews, and the cost items of the cohort and of its program as a whole.
/// </summary>
public sealed class ImportReadBack(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 5_000;

    /// <returns>Null when no cohort has the code.</returns>
    public async Task<RecordPage?> ReadAsync(ImportKind kind, string cohortCode, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohortCode);
        await access.EnsureInRoleAsync(Roles.Readers, "records");
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).FirstOrDefaultAsync(c => c.CodeKey == NaturalKey.Of(cohortCode), cancellationToken);
        if (cohort is null)
            return null;
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        var (total, rows) = await RowsAsync(db, kind, cohort, (page - 1) * pageSize, pageSize, cancellationToken);
        var columns = Columns(kind).Select(c => c.Name).ToList();
        var named = rows.ConvertAll(r => (IReadOnlyDictionary<string, string?>)columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i < r.Length ? r[x.i] : null));
        return new RecordPage(kind.Slug(), cohort.Code, page, pageSize, total, columns, named);
    }

    private static async Task<(int Total, List<string?[]> Rows)> Page<T>(IQueryable<T> query, int skip, int take, Func<T, IEnumerable<string?[]>> cells, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (total, [.. items.SelectMany(cells)]);
    }

    private static IEnumerable<string?[]> One(params string?[] cells) => [cells];

    private static string Code(ImportChoices<AttendanceStatus> c, AttendanceStatus v) => c.CodeOf(v);

    private static Task<(int, List<string?[]>)> RowsAsync(TrainingDbContext db, ImportKind kind, Cohort cohort, int skip, int take, CancellationToken ct)
    {
        var code = cohort.Code;
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohort.Id);
        return kind switch
        {
            ImportKind.Programs => Page(db.Programs.AsNoTracking().Where(p => p.Id == cohort.ProgramId).OrderBy(p => p.Id), skip, take,
                p => One(p.Code, p.Name, p.Category, p.Description, p.NameEn), ct),
            ImportKind.Cohorts => Page(db.Cohorts.AsNoTracking().Where(c => c.Id == cohort.Id).OrderBy(c => c.Id)
                .Select(c => new { c.Code, c.Name, c.NameEn, c.StartDate, c.EndDate, c.TrackedKinds, Mentors = c.Mentors.OrderByDescending(m => m.IsLead).ThenBy(m => m.MentorId).Select(m => m.Mentor!.EmployeeNumber).ToList() }), skip, take,
                c => One(c.Code, cohort.Program!.Code, c.Name, Cell.Of(c.StartDate), Cell.Of(c.EndDate), c.TrackedKinds is null ? null : c.TrackedKinds.Length == 0 ? "none" : c.TrackedKinds,
                    c.NameEn, c.Mentors.Count == 0 ? null : string.Join(';', c.Mentors)), ct),
            ImportKind.Learners => Page(enrollments.OrderBy(e => e.Id).Select(e => new
            {
                e.Learner!.EmployeeNumber, e.Learner.Name, Department = e.Learner.Department!.Code, e.Learner.Position, Mentor = e.Learner.Mentor != null ? e.Learner.Mentor.EmployeeNumber : null,
                e.Learner.Email, e.Learner.HireDate,
            }), skip, take, l => One(l.EmployeeNumber, l.Name, l.Department, l.Position.Length == 0 ? null : l.Position, l.Mentor, l.Email, Cell.Of(l.HireDate)), ct),
            ImportKind.Enrollments => Page(enrollments.OrderBy(e => e.Id).Select(e => new { e.Learner!.EmployeeNumber, e.Status, e.EnrolledOn, e.WithdrawnOn, Mentor = e.Mentor != null ? e.Mentor.EmployeeNumber : null }), skip, take,
                e => One(code, e.EmployeeNumber, e.Status.ToString().ToLowerInvariant(), Cell.Of(e.EnrolledOn), Cell.Of(e.WithdrawnOn), e.Mentor), ct),
            ImportKind.Observations => Page(db.StoredObservations.AsNoTracking().Where(o => o.Enrollment!.CohortId == cohort.Id).OrderBy(o => o.Id)
                .Select(o => new { o.Enrollment!.Learner!.EmployeeNumber, o.IndicatorCode, o.Value, o.Baseline, o.Target, o.Measure, o.ObservedOn }), skip, take,
                o => One(code, o.EmployeeNumber, o.IndicatorCode, Cell.Of(o.Value), Cell.Of(o.Baseline), Cell.Of(o.Target), o.Measure.Length == 0 ? null : o.Measure, Cell.Of(o.ObservedOn)), ct),
            ImportKind.Sessions => Page(db.Sessions.AsNoTracking().Where(s => s.CohortId == cohort.Id).OrderBy(s => s.Sequence), skip, take,
                s => One(code, Cell.Of(s.HeldOn), Cell.Of(s.StartTime), Cell.Of(s.EndTime), s.Name), ct),
            ImportKind.Attendance => Page(db.Attendance.AsNoTracking().Where(a => a.Session!.CohortId == cohort.Id).OrderBy(a => a.Id)
                .Select(a => new { a.Session!.HeldOn, a.Session.StartTime, a.Enrollment!.Learner!.EmployeeNumber, a.Status }), skip, take,
                a => One(code, Cell.Of(a.HeldOn), Cell.Of(a.StartTime), a.EmployeeNumber, Code(AttendanceStatuses, a.Status)), ct),
            ImportKind.Assignments => Page(db.Assignments.AsNoTracking().Where(a => a.CohortId == cohort.Id).OrderBy(a => a.Id), skip, take,
                a => One(code, a.Code, a.Name, Cell.Of(a.DueAt, AssignmentImport.DueWithoutTime), Cell.Of(a.AssignedOn), Cell.Of(a.MaxScore)), ct),
            ImportKind.Submissions => Page(db.Submissions.AsNoTracking().Where(s => s.Assignment!.CohortId == cohort.Id).OrderBy(s => s.Id)
                .Select(s => new { s.Assignment!.Code, s.Enrollment!.Learner!.EmployeeNumber, s.SubmittedAt, s.Score }), skip, take,
                s => One(code, s.Code, s.EmployeeNumber, Cell.Of(s.SubmittedAt, TimeOnly.MinValue), Cell.Of(s.Score)), ct),
            ImportKind.Assessments => Page(db.Assessments.AsNoTracking().Where(a => a.CohortId == cohort.Id).OrderBy(a => a.Id), skip, take, a =>
            {
                var theory = new[] { code, a.Code, a.Name, AssessmentKinds.CodeOf(a.Kind), AssessmentParts.CodeOf(AssessmentPart.Theory), Cell.Of(a.MaxScore), Cell.Of(a.PassLine), Difficulties.CodeOf(a.Difficulty), Cell.Of(a.HeldOn), a.NameEn };
                return a.PracticalMaxScore is { } p
                    ? [theory, [code, a.Code, a.Name, AssessmentKinds.CodeOf(a.Kind), AssessmentParts.CodeOf(AssessmentPart.Practical), Cell.Of(p), null, null, Cell.Of(a.HeldOn), a.NameEn]]
                    : [theory];
            }, ct),
            ImportKind.AssessmentResults => Page(db.AssessmentResults.AsNoTracking().Where(r => r.Assessment!.CohortId == cohort.Id).OrderBy(r => r.Id)
                .Select(r => new { r.Assessment!.Code, r.Enrollment!.Learner!.EmployeeNumber, r.Score, r.PracticalScore }), skip, take, r =>
                {
                    var theory = new[] { code, r.Code, AssessmentParts.CodeOf(AssessmentPart.Theory), r.EmployeeNumber, Cell.Of(r.Score) };
                    return r.PracticalScore is { } p ? [theory, [code, r.Code, AssessmentParts.CodeOf(AssessmentPart.Practical), r.EmployeeNumber, Cell.Of(p)]] : [theory];
                }, ct),
            ImportKind.Surveys => Page(db.Surveys.AsNoTracking().Where(s => s.CohortId == cohort.Id).OrderBy(s => s.Id), skip, take,
                s => One(code, s.Code, s.Name, SurveyKinds.CodeOf(s.Kind), Cell.Of(s.ItemCount), Cell.Of(s.OpenedOn), s.NameEn), ct),
            ImportKind.SurveyResponses => Page(db.SurveyResponses.AsNoTracking().Where(r => r.Survey!.CohortId == cohort.Id && r.Respondent == SurveyRespondent.Learner).OrderBy(r => r.Id)
                .Select(r => new { r.Survey!.Code, r.Enrollment!.Learner!.EmployeeNumber, r.ItemScores, r.SubmittedAt, r.Comment }), skip, take,
                r => r.ItemScores.Select((score, i) => (score, i)).Where(x => x.score is not null)
                    .Select(x => new[] { code, r.Code, r.EmployeeNumber, Cell.Of(x.i + 1), Cell.Of(x.score!.Value), Cell.Of(r.SubmittedAt, TimeOnly.MinValue), r.Comment }), ct),
            ImportKind.Interactions => Page(db.Interactions.AsNoTracking().Where(i => i.Enrollment!.CohortId == cohort.Id).OrderBy(i => i.Id)
                .Select(i => new { i.Enrollment!.Learner!.EmployeeNumber, i.OccurredAt, i.Kind, i.Count }), skip, take,
                i => One(code, i.EmployeeNumber, Cell.Of(i.OccurredAt, TimeOnly.MinValue), InteractionKinds.CodeOf(i.Kind), Cell.Of(i.Count)), ct),
            // Only confirmed events are records of the kind the import writes: re-importing the file must not confirm a learner's pending case.
            ImportKind.ApplicationEvents => Page(db.ApplicationEvents.AsNoTracking().Where(a => a.Enrollment!.CohortId == cohort.Id && a.Status == ApplicationCaseStatus.Confirmed).OrderBy(a => a.Id)
                .Select(a => new { a.Enrollment!.Learner!.EmployeeNumber, a.OccurredOn, a.Description, a.IsKeyEvent }), skip, take,
                a => One(code, a.EmployeeNumber, Cell.Of(a.OccurredOn), a.Description, a.IsKeyEvent ? "true" : "false"), ct),
            ImportKind.MentorRatings => Page(db.MentorRatings.AsNoTracking().Where(r => r.Enrollment!.CohortId == cohort.Id).OrderBy(r => r.Id)
                .Select(r => new { r.Enrollment!.Learner!.EmployeeNumber, Mentor = r.Mentor!.EmployeeNumber, r.Dimension, r.Score, r.Comment, r.RatedAt }), skip, take,
                r => One(code, r.EmployeeNumber, r.Mentor, r.Dimension, Cell.Of(r.Score), r.Comment, Cell.Of(r.RatedAt, new TimeOnly(12, 0))), ct),
            ImportKind.PerformanceReviews => Page(db.PerformanceReviews.AsNoTracking().Where(r => enrollments.Any(e => e.LearnerId == r.LearnerId)).OrderBy(r => r.Id)
                .Select(r => new { r.Learner!.EmployeeNumber, r.Period, r.ReviewedOn, r.BehaviorRating, r.OverallRating, Cohort = r.Cohort != null ? r.Cohort.Code : null, r.Timing, r.Reviewer, r.Comment }),
                skip, take, r => One(r.EmployeeNumber, r.Period, Cell.Of(r.ReviewedOn), Cell.Of(r.BehaviorRating), Cell.Of(r.OverallRating), r.Cohort,
                    r.Timing is { } t ? ReviewTimings.CodeOf(t) : null, r.Reviewer, r.Comment), ct),
            ImportKind.Kpis => Page(db.Kpis.AsNoTracking().Where(k => k.ProgramId == cohort.ProgramId).OrderBy(k => k.Id), skip, take,
                k => One(cohort.Program!.Code, k.Code, k.Name, k.Unit, KpiDirections.CodeOf(k.Direction), Cell.Of((double)k.ValuePerUnit), null), ct),
            ImportKind.KpiMeasurements => Page(db.KpiMeasurements.AsNoTracking().Where(m => m.CohortId == cohort.Id).OrderBy(m => m.Id)
                .Select(m => new
                {
                    m.Kpi!.Code, Employee = m.Enrollment != null ? m.Enrollment.Learner!.EmployeeNumber : null, Team = m.Department != null ? m.Department.Code : null,
                    m.Baseline, m.Target, m.Actual, m.MeasuredOn,
                }), skip, take, m => One(code, m.Code, m.Employee, m.Team, Cell.Of(m.Baseline), Cell.Of(m.Target), Cell.Of(m.Actual), Cell.Of(m.MeasuredOn)), ct),
            ImportKind.CostItems => Page(db.CostItems.AsNoTracking().Where(c => c.CohortId == cohort.Id || (c.CohortId == null && c.ProgramId == cohort.ProgramId)).OrderBy(c => c.Id)
                .Select(c => new { Cohort = c.Cohort != null ? c.Cohort.Code : null, c.Category, c.Description, c.Amount, c.IncurredOn }), skip, take,
                c => One(cohort.Program!.Code, c.Cohort, CostCategories.CodeOf(c.Category), c.Description, Cell.Of((double)c.Amount), null, Cell.Of(c.IncurredOn)), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
