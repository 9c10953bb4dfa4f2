using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Indicators;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Import;

// The records the behaviour and results levels, the difference report and ROI read: on-the-job application events,
// mentor ratings (appended to the history), performance reviews, KPIs and their measurements, cost items.

/// <summary>An application event row: cohort_code*, employee_no*, occurred_on*, description*, key_event. Key: enrollment, day, description.</summary>
internal sealed record ApplicationEventInput(int Row, string Cohort, string EmployeeNo, DateOnly OccurredOn, string Description, bool KeyEvent);

/// <summary>application_events: on-the-job applications of what was learned; they count in the window after the cohort.</summary>
internal sealed class ApplicationEventImport : IImportKindHandler
{
    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<ApplicationEventInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var day = c.Date(OccurredOn, required: true);
            var description = c.Text(Description, Bilingual.TextMaxLength, required: true);
            var key = c.Flag(KeyEvent, empty: false);
            if (cohort is null || employee is null || day is null || description is null || key is null)
                continue;
            rows.Add(new ApplicationEventInput(r.Number, import.Pool(cohort), import.Pool(employee), day.Value, description, key.Value));
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var seen = new Dictionary<(int, DateOnly, string), int>();
        var valid = new List<(ApplicationEventInput Row, int EnrollmentId, int CohortId)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            // Applying what was learned comes after the training has begun.
            if (row.OccurredOn < cohort.StartDate)
            {
                import.Error(row.Row, OccurredOn, Cell.Of(row.OccurredOn), ImportMessages.WrongOrder, OccurredOn, Cell.Of(row.OccurredOn), $"{cohort.Code} {StartDate}", Cell.Of(cohort.StartDate));
                continue;
            }
            if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                continue;
            if (import.FirstOccurrence(seen, (enrollment.EnrollmentId, row.OccurredOn, NaturalKey.Of(row.Description)), row.Row, Description, row.Description, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.EmployeeNo} / {Cell.Of(row.OccurredOn)} / '{row.Description}'"))
                valid.Add((row, enrollment.EnrollmentId, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.ApplicationEvents.AsNoTracking().WhereInAsync(valid.Select(v => v.CohortId).Distinct(), a => a.Enrollment!.CohortId, cancellationToken))
            .GroupBy(a => (a.EnrollmentId, a.OccurredOn, NaturalKey.Of(a.Description))).ToDictionary(g => g.Key, g => g.First());
        var added = new List<ApplicationEvent>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0;
        foreach (var (row, enrollmentId, cohortId) in valid)
        {
            if (existing.TryGetValue((enrollmentId, row.OccurredOn, NaturalKey.Of(row.Description)), out var stored))
            {
                if (stored.IsKeyEvent == row.KeyEvent && stored.Status == ApplicationCaseStatus.Confirmed)
                {
                    unchanged++;
                    continue;
                }
                db.ApplicationEvents.Attach(stored);
                stored.IsKeyEvent = row.KeyEvent;
                // The system of record has the case a learner logged: it is a record now, counted like every imported one.
                if (stored.Status != ApplicationCaseStatus.Confirmed)
                {
                    stored.Status = ApplicationCaseStatus.Confirmed;
                    changed.Add(cohortId);
                }
                updated++;
                continue;
            }
            added.Add(new ApplicationEvent { EnrollmentId = enrollmentId, OccurredOn = row.OccurredOn, Description = row.Description, IsKeyEvent = row.KeyEvent });
            changed.Add(cohortId);
        }
        var created = await ImportWriting.InsertAsync(import, added, "application events", cancellationToken);
        return new ImportOutcome(created, updated, unchanged, changed);
    }
}

/// <summary>A mentor rating row: cohort_code*, employee_no*, mentor_employee_no*, dimension*, rating*, comment, rated_at*.</summary>
internal sealed record MentorRatingInput(int Row, string Cohort, string EmployeeNo, string Mentor, string Dimension, int Rating, string? Comment, DateTime RatedAt);

internal sealed class MentorRatingInputValidator : AbstractValidator<MentorRatingInput>
{
    public MentorRatingInputValidator()
    {
        RuleFor(r => r.Rating).InclusiveBetween(RatingScale.Min, RatingScale.Max)
            .Reports(Rating, ImportMessages.LearnerOutOfRange, (_, v) => Cell.Of(v), (r, v) => [r.EmployeeNo, Rating, Cell.Of(v), RatingScale.Range]);
        RuleFor(r => r.Dimension).Must(d => BuiltInIndicators.MentorDimensions.Contains(d, StringComparer.OrdinalIgnoreCase))
            .Reports(Dimension, ImportMessages.UnknownDimension, (_, d) => d, (_, d) => [d, string.Join(", ", BuiltInIndicators.MentorDimensions)]);
    }
}

/// <summary>
/// mentor_ratings: historical ratings from another system, <b>appended</b> to each learner's history per dimension, never
/// overwriting: a row identical to a stored rating (same time and score) is unchanged; a different score at a stored time,
/// or a rating older than the latest stored one of that dimension, is refused. No competency alerts are raised for
/// history (they are raised when a mentor rates in TrainingEval).
/// </summary>
internal sealed class MentorRatingImport : IImportKindHandler
{
    private static readonly MentorRatingInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<MentorRatingInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var mentor = c.Text(MentorEmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var dimension = c.Text(Dimension, MentorRating.DimensionMaxLength, required: true);
            var rating = c.WholeNumber(Rating, required: true);
            var comment = c.Text(Comment, MentorRating.CommentMaxLength);
            var at = c.Instant(RatedAt, new TimeOnly(12, 0), required: true);
            if (cohort is null || employee is null || mentor is null || dimension is null || rating is null || at is null || c.Bad(Comment, comment))
                continue;
            var input = new MentorRatingInput(r.Number, import.Pool(cohort), import.Pool(employee), import.Pool(mentor), dimension.ToLowerInvariant(), rating.Value, comment, at.Value);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var mentors = (await db.Mentors.AsNoTracking().Select(m => new { m.Id, m.EmployeeNumberKey })
            .WhereInAsync(ImportCounting.Keys(rows.Select(r => r.Mentor)), m => m.EmployeeNumberKey, cancellationToken)).ToDictionary(m => m.EmployeeNumberKey, m => m.Id);
        var seen = new Dictionary<(int, string, DateTime), int>();
        var valid = new List<(MentorRatingInput Row, int EnrollmentId, int MentorId, int CohortId)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            var enrollment = references.Enrollment(row.Row, cohort, row.EmployeeNo);
            if (!mentors.TryGetValue(NaturalKey.Of(row.Mentor), out var mentorId))
                import.Error(row.Row, MentorEmployeeNo, row.Mentor, ImportMessages.UnknownMentor, row.Mentor);
            if (enrollment is null || mentorId == 0)
                continue;
            if (DateOnly.FromDateTime(row.RatedAt) < cohort.StartDate)
            {
                import.Error(row.Row, RatedAt, Cell.Of(row.RatedAt, new TimeOnly(12, 0)), ImportMessages.ResultBeforeHeld, row.EmployeeNo, Cell.Of(row.RatedAt, new TimeOnly(12, 0)), cohort.Code, Cell.Of(cohort.StartDate));
                continue;
            }
            if (import.FirstOccurrence(seen, (enrollment.EnrollmentId, row.Dimension, row.RatedAt), row.Row, RatedAt, Cell.Of(row.RatedAt, new TimeOnly(12, 0)), ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.EmployeeNo} / {row.Dimension} / {Cell.Of(row.RatedAt, new TimeOnly(12, 0))}"))
                valid.Add((row, enrollment.EnrollmentId, mentorId, cohort.Id));
        }

        var history = (await db.MentorRatings.AsNoTracking().Select(r => new { r.EnrollmentId, r.Dimension, r.RatedAt, r.Score, r.Sequence })
                .WhereInAsync(valid.Select(v => v.EnrollmentId).Distinct(), r => r.EnrollmentId, cancellationToken))
            .ToLookup(r => (r.EnrollmentId, r.Dimension.ToLowerInvariant()));
        var added = new List<MentorRating>();
        var changed = new HashSet<int>();
        var unchanged = 0;
        foreach (var line in valid.GroupBy(v => (v.EnrollmentId, v.Row.Dimension)))
        {
            var stored = history[line.Key].ToList();
            var latest = stored.MaxBy(r => r.Sequence);
            var sequence = latest?.Sequence ?? 0;
            foreach (var (row, enrollmentId, mentorId, cohortId) in line.OrderBy(v => v.Row.RatedAt))
            {
                var at = Cell.Of(row.RatedAt, new TimeOnly(12, 0));
                if (stored.FirstOrDefault(r => r.RatedAt == row.RatedAt) is { } same)
                {
                    if (same.Score == row.Rating)
                        unchanged++;
                    else
                        import.Error(row.Row, Rating, Cell.Of(row.Rating), ImportMessages.RatingConflict, row.EmployeeNo, row.Dimension, at, Cell.Of(same.Score));
                    continue;
                }
                if (latest is not null && row.RatedAt < latest.RatedAt)
                {
                    import.Error(row.Row, RatedAt, at, ImportMessages.RatingHistoryOrder, row.EmployeeNo, row.Dimension, at, Cell.Of(latest.RatedAt, new TimeOnly(12, 0)));
                    continue;
                }
                added.Add(new MentorRating
                {
                    EnrollmentId = enrollmentId, MentorId = mentorId, Dimension = row.Dimension, Score = row.Rating, Comment = row.Comment, RatedAt = row.RatedAt, Sequence = ++sequence,
                });
                changed.Add(cohortId);
            }
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;
        var created = await ImportWriting.InsertAsync(import, added, "mentor ratings", cancellationToken);
        return new ImportOutcome(created, 0, unchanged, changed);
    }
}

/// <summary>A review row: employee_no*, period*, reviewed_on*, behavior_rating*, overall_rating*, cohort_code, timing, reviewer, comment.</summary>
internal sealed record ReviewInput(int Row, string EmployeeNo, string Period, DateOnly ReviewedOn, double Behavior, double Overall, string? Cohort, ReviewSide? Timing,
    string? Reviewer, string? Comment);

internal sealed class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public ReviewInputValidator()
    {
        RuleFor(r => r.Behavior).Must(RatingScale.Contains)
            .Reports(BehaviorRating, ImportMessages.LearnerOutOfRange, (_, v) => Cell.Of(v), (r, v) => [r.EmployeeNo, BehaviorRating, Cell.Of(v), RatingScale.Range]);
        RuleFor(r => r.Overall).Must(RatingScale.Contains)
            .Reports(OverallRating, ImportMessages.LearnerOutOfRange, (_, v) => Cell.Of(v), (r, v) => [r.EmployeeNo, OverallRating, Cell.Of(v), RatingScale.Range]);
        RuleFor(r => r.Timing).Must((r, t) => (t is null) == (r.Cohort is null))
            .Reports(Timing, ImportMessages.TimingNeedsCohort, (r, t) => t is { } side ? ReviewTimings.CodeOf(side) : null, (_, _) => []);
    }
}

/// <summary>
/// performance_reviews: an employee's periodic review, keyed by employee and period. Without a cohort the collectors pair
/// reviews with each cohort by date (the latest on or before its start, the first after its end); with cohort_code and
/// timing the review is that cohort's before or after, whatever its date says.
/// </summary>
internal sealed class ReviewImport : IImportKindHandler
{
    private static readonly ReviewInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<ReviewInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var period = c.Text(Period, PerformanceReview.PeriodMaxLength, required: true);
            var day = c.Date(ReviewedOn, required: true);
            var behavior = c.Number(BehaviorRating, required: true);
            var overall = c.Number(OverallRating, required: true);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength);
            var timing = c.Choice(Timing, ReviewTimings);
            var reviewer = c.Text(Reviewer, Bilingual.NameMaxLength);
            var comment = c.Text(Comment, Bilingual.TextMaxLength);
            if (employee is null || period is null || day is null || behavior is null || overall is null
                || c.Bad(CohortCode, cohort) || c.Bad(Timing, timing) || c.Bad(Reviewer, reviewer) || c.Bad(Comment, comment))
                continue;
            var input = new ReviewInput(r.Number, import.Pool(employee), period, day.Value, behavior.Value, overall.Value, cohort, timing, reviewer, comment);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var learners = (await db.Learners.AsNoTracking().Select(l => new { l.Id, l.EmployeeNumberKey })
            .WhereInAsync(ImportCounting.Keys(rows.Select(r => r.EmployeeNo)), l => l.EmployeeNumberKey, cancellationToken)).ToDictionary(l => l.EmployeeNumberKey, l => l.Id);
        var withCohort = rows.Where(r => r.Cohort is not null).ToList();
        var references = await CohortReferences.LoadAsync(import, withCohort.Select(r => r.Cohort!), withCohort.Select(r => r.EmployeeNo), cancellationToken);
        var seen = new Dictionary<(int, string), int>();
        var valid = new List<(ReviewInput Row, int LearnerId, int? CohortId)>();
        foreach (var row in rows)
        {
            if (!learners.TryGetValue(NaturalKey.Of(row.EmployeeNo), out var learnerId))
            {
                import.Error(row.Row, EmployeeNo, row.EmployeeNo, ImportMessages.UnknownLearnerImportFirst, row.EmployeeNo);
                continue;
            }
            int? cohortId = null;
            if (row.Cohort is not null)
            {
                if (references.Cohort(row.Row, row.Cohort) is not { } cohort || references.Enrollment(row.Row, cohort, row.EmployeeNo) is null)
                    continue;
                // A review "before" the training cannot postdate it, nor one "after" predate it.
                if ((row.Timing == ReviewSide.Before && row.ReviewedOn > cohort.EndDate) || (row.Timing == ReviewSide.After && row.ReviewedOn < cohort.StartDate))
                {
                    import.Error(row.Row, ReviewedOn, Cell.Of(row.ReviewedOn), ImportMessages.ReviewTimingDate, row.EmployeeNo, Cell.Of(row.ReviewedOn),
                        ReviewTimings.CodeOf(row.Timing!.Value), cohort.Code, Cell.Of(cohort.StartDate), Cell.Of(cohort.EndDate));
                    continue;
                }
                cohortId = cohort.Id;
            }
            if (import.FirstOccurrence(seen, (learnerId, NaturalKey.Of(row.Period)), row.Row, Period, row.Period, ImportMessages.DuplicateRow, $"{row.EmployeeNo} / {row.Period}"))
                valid.Add((row, learnerId, cohortId));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var learnerIds = valid.Select(v => v.LearnerId).Distinct().ToList();
        var existing = (await db.PerformanceReviews.WhereInAsync(learnerIds, r => r.LearnerId, cancellationToken))
            .Where(r => r.Period is not null).GroupBy(r => (r.LearnerId, NaturalKey.Of(r.Period!))).ToDictionary(g => g.Key, g => g.First());
        var touched = new List<object>();
        var created = 0;
        foreach (var (row, learnerId, cohortId) in valid)
        {
            if (!existing.TryGetValue((learnerId, NaturalKey.Of(row.Period)), out var review))
            {
                review = new PerformanceReview { LearnerId = learnerId, Period = row.Period };
                db.PerformanceReviews.Add(review);
                created++;
            }
            else
            {
                touched.Add(review);
            }
            review.ReviewedOn = row.ReviewedOn;
            review.BehaviorRating = row.Behavior;
            review.OverallRating = row.Overall;
            if (cohortId is not null)
            {
                review.CohortId = cohortId;
                review.Timing = row.Timing;
            }
            review.Reviewer = row.Reviewer ?? review.Reviewer;
            review.Comment = row.Comment ?? review.Comment;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        // A review pairs with every cohort of its learner: all their cohorts are rescored when one changed.
        var changedLearners = db.ChangeTracker.Entries<PerformanceReview>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.LearnerId).Distinct().ToList();
        var cohorts = (await db.Enrollments.AsNoTracking().Select(e => new { e.LearnerId, e.CohortId }).WhereInAsync(changedLearners, e => e.LearnerId, cancellationToken))
            .Select(e => e.CohortId).ToHashSet();
        return new ImportOutcome(created, updated, unchanged, cohorts);
    }
}

/// <summary>
/// The currency column of KPIs and cost items: optional, and when given it must be the organisation's
/// (<see cref="TrainingEvalOptions.Currency"/>), because every amount is in that one currency and sums never mix currencies.
/// </summary>
internal static class ImportCurrency
{
    public const int CodeLength = 3;

    public static string Of(IOptions<TrainingEvalOptions>? options) =>
        options?.Value.Currency is { Length: > 0 } currency ? currency.Trim().ToUpperInvariant() : TrainingEvalOptions.DefaultCurrency;
}

/// <summary>A KPI row: program_code*, kpi_code*, name*, unit*, direction*, value_per_unit, currency. Key: program, code.</summary>
internal sealed record KpiInput(int Row, string Program, string Code, string Name, string Unit, KpiDirection Direction, double? ValuePerUnit, string? Currency);

internal sealed class KpiInputValidator : AbstractValidator<KpiInput>
{
    public KpiInputValidator(IOptions<TrainingEvalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var currency = ImportCurrency.Of(options);
        RuleFor(k => k.ValuePerUnit).Must(v => v is null or >= 0)
            .Reports(ValuePerUnit, ImportMessages.OutOfRange, (_, v) => Cell.Of(v), (_, v) => [ValuePerUnit, Cell.Of(v)!, "≥ 0"]);
        RuleFor(k => k.Currency).Must(c => c is null || string.Equals(c, currency, StringComparison.OrdinalIgnoreCase))
            .Reports(ImportSchema.Currency, ImportMessages.WrongCurrency, (_, c) => c, (_, c) => [currency, c!]);
    }
}

/// <summary>kpis: a program's business KPIs with their money value per unit (ROI).</summary>
internal sealed class KpiImport(string currency) : IImportKindHandler
{
    private readonly KpiInputValidator _validator = new(Options.Create(new TrainingEvalOptions { Currency = currency }));

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<KpiInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var program = c.Text(ProgramCode, TrainingProgram.CodeMaxLength, required: true);
            var code = c.Text(KpiCode, Kpi.CodeMaxLength, required: true);
            var name = c.Text(Name, Bilingual.NameMaxLength, required: true);
            var unit = c.Text(Unit, Kpi.UnitMaxLength, required: true);
            var direction = c.Choice(Direction, KpiDirections, required: true);
            var value = c.Number(ValuePerUnit);
            var money = c.Text(ImportSchema.Currency, ImportCurrency.CodeLength);
            if (program is null || code is null || name is null || unit is null || direction is null || c.Bad(ValuePerUnit, value) || c.Bad(ImportSchema.Currency, money))
                continue;
            var input = new KpiInput(r.Number, program, code, name, unit, direction.Value, value, money);
            if (_validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var programs = (await db.Programs.AsNoTracking().Select(p => new { p.Id, p.CodeKey }).WhereInAsync(ImportCounting.Keys(rows.Select(r => r.Program)), p => p.CodeKey, cancellationToken))
            .ToDictionary(p => p.CodeKey, p => p.Id);
        var seen = new Dictionary<(int, string), int>();
        var valid = new List<(KpiInput Row, int ProgramId)>();
        foreach (var row in rows)
        {
            if (!programs.TryGetValue(NaturalKey.Of(row.Program), out var programId))
                import.Error(row.Row, ProgramCode, row.Program, ImportMessages.UnknownProgram, row.Program);
            else if (import.FirstOccurrence(seen, (programId, NaturalKey.Of(row.Code)), row.Row, KpiCode, row.Code, ImportMessages.DuplicateRow, $"{row.Program} / {row.Code}"))
                valid.Add((row, programId));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.Kpis.WhereInAsync(valid.Select(v => v.ProgramId).Distinct(), k => k.ProgramId, cancellationToken)).ToDictionary(k => (k.ProgramId, k.CodeKey));
        var touched = new List<object>();
        var created = 0;
        foreach (var (row, programId) in valid)
        {
            if (existing.TryGetValue((programId, NaturalKey.Of(row.Code)), out var kpi))
            {
                touched.Add(kpi);
                kpi.Name = row.Name;
                kpi.Unit = row.Unit;
                kpi.Direction = row.Direction;
                kpi.ValuePerUnit = row.ValuePerUnit is { } v ? (decimal)v : kpi.ValuePerUnit;
                continue;
            }
            db.Kpis.Add(new Kpi { ProgramId = programId, Code = row.Code, Name = row.Name, Unit = row.Unit, Direction = row.Direction, ValuePerUnit = (decimal)(row.ValuePerUnit ?? 0) });
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        // Target achievement reads baseline, target and actual, not the direction or value: no score changes (ROI reads the KPI live).
        return new ImportOutcome(created, updated, unchanged, new HashSet<int>());
    }
}

/// <summary>A measurement row: cohort_code*, kpi_code*, employee_no | team, baseline*, target*, actual, measured_on.</summary>
internal sealed record MeasurementInput(int Row, string Cohort, string Kpi, string? EmployeeNo, string? Team, double Baseline, double Target, double? Actual, DateOnly? MeasuredOn);

internal sealed class MeasurementInputValidator : AbstractValidator<MeasurementInput>
{
    public MeasurementInputValidator()
    {
        RuleFor(m => m.Team).Must((m, team) => (team is null) != (m.EmployeeNo is null))
            .Reports(EmployeeNo, ImportMessages.EmployeeOrTeam, (m, team) => m.EmployeeNo ?? team, (_, _) => []);
        RuleFor(m => m.Target).Must((m, target) => target != m.Baseline)
            .Reports(Target, ImportMessages.TargetEqualsBaseline, (_, t) => Cell.Of(t), (m, _) => [Cell.Of(m.Baseline)]);
    }
}

/// <summary>kpi_measurements: baseline, target and actual of a program KPI for one learner or one team (department) of a cohort.</summary>
internal sealed class MeasurementImport : IImportKindHandler
{
    private static readonly MeasurementInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<MeasurementInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var kpi = c.Text(KpiCode, Kpi.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength);
            var team = c.Text(Team, Bilingual.NameMaxLength);
            var baseline = c.Number(Baseline, required: true);
            var target = c.Number(Target, required: true);
            var actual = c.Number(Actual);
            var on = c.Date(MeasuredOn);
            if (cohort is null || kpi is null || baseline is null || target is null || c.Bad(EmployeeNo, employee) || c.Bad(Team, team) || c.Bad(Actual, actual) || c.Bad(MeasuredOn, on))
                continue;
            var input = new MeasurementInput(r.Number, import.Pool(cohort), import.Pool(kpi), employee is null ? null : import.Pool(employee), team, baseline.Value, target.Value, actual, on);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Where(r => r.EmployeeNo is not null).Select(r => r.EmployeeNo!), cancellationToken);
        var kpis = (await db.Kpis.AsNoTracking().Select(k => new { k.Id, k.ProgramId, k.CodeKey })
            .WhereInAsync(references.Cohorts.Select(c => c.ProgramId).Distinct(), k => k.ProgramId, cancellationToken)).ToDictionary(k => (k.ProgramId, k.CodeKey), k => k.Id);
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var seen = new Dictionary<(int, int, int?, int?), int>();
        var valid = new List<(MeasurementInput Row, int CohortId, int KpiId, int? EnrollmentId, int? DepartmentId)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!kpis.TryGetValue((cohort.ProgramId, NaturalKey.Of(row.Kpi)), out var kpiId))
            {
                import.Error(row.Row, KpiCode, row.Kpi, ImportMessages.UnknownKpi, cohort.Program!.Code, cohort.Code, row.Kpi);
                continue;
            }
            int? enrollmentId = null, departmentId = null;
            if (row.EmployeeNo is not null)
            {
                if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                    continue;
                enrollmentId = enrollment.EnrollmentId;
            }
            else
            {
                var department = departments.FirstOrDefault(d => NaturalKey.Same(d.Code, row.Team) || NaturalKey.Same(d.Name, row.Team) || NaturalKey.Same(d.NameEn, row.Team));
                if (department is null)
                {
                    import.Error(row.Row, Team, row.Team, ImportMessages.UnknownTeam, row.Team!);
                    continue;
                }
                departmentId = department.Id;
            }
            if (row.MeasuredOn is { } on && on < cohort.StartDate)
            {
                import.Error(row.Row, MeasuredOn, Cell.Of(on), ImportMessages.WrongOrder, MeasuredOn, Cell.Of(on), $"{cohort.Code} {StartDate}", Cell.Of(cohort.StartDate));
                continue;
            }
            if (import.FirstOccurrence(seen, (cohort.Id, kpiId, enrollmentId, departmentId), row.Row, KpiCode, row.Kpi, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.Kpi} / {row.EmployeeNo ?? row.Team}"))
                valid.Add((row, cohort.Id, kpiId, enrollmentId, departmentId));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.KpiMeasurements.WhereInAsync(valid.Select(v => v.CohortId).Distinct(), m => m.CohortId, cancellationToken))
            .GroupBy(m => (m.CohortId, m.KpiId, m.EnrollmentId, m.DepartmentId)).ToDictionary(g => g.Key, g => g.First());
        var touched = new List<object>();
        var created = 0;
        foreach (var (row, cohortId, kpiId, enrollmentId, departmentId) in valid)
        {
            if (!existing.TryGetValue((cohortId, kpiId, enrollmentId, departmentId), out var measurement))
            {
                measurement = new KpiMeasurement { CohortId = cohortId, KpiId = kpiId, EnrollmentId = enrollmentId, DepartmentId = departmentId };
                db.KpiMeasurements.Add(measurement);
                created++;
            }
            else
            {
                touched.Add(measurement);
            }
            measurement.Baseline = row.Baseline;
            measurement.Target = row.Target;
            measurement.Actual = row.Actual ?? measurement.Actual;
            measurement.MeasuredOn = row.MeasuredOn ?? measurement.MeasuredOn;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        var changed = db.ChangeTracker.Entries<KpiMeasurement>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.CohortId).ToHashSet();
        return new ImportOutcome(created, updated, unchanged, changed);
    }
}

/// <summary>A cost row: program_code | cohort_code, category*, description*, amount*, currency, incurred_on*.</summary>
internal sealed record CostInput(int Row, string? Program, string? Cohort, CostCategory Category, string Description, double Amount, string? Currency, DateOnly IncurredOn);

internal sealed class CostInputValidator : AbstractValidator<CostInput>
{
    public CostInputValidator(IOptions<TrainingEvalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var currency = ImportCurrency.Of(options);
        RuleFor(c => c.Amount).GreaterThanOrEqualTo(0)
            .Reports(Amount, ImportMessages.OutOfRange, (_, a) => Cell.Of(a), (_, a) => [Amount, Cell.Of(a), "≥ 0"]);
        RuleFor(c => c.Currency).Must(c => c is null || string.Equals(c, currency, StringComparison.OrdinalIgnoreCase))
            .Reports(ImportSchema.Currency, ImportMessages.WrongCurrency, (_, c) => c, (_, c) => [currency, c!]);
        RuleFor(c => c.Program).Must((c, p) => p is not null || c.Cohort is not null)
            .Reports(ProgramCode, ImportMessages.ProgramOrCohort, (_, _) => null, (_, _) => []);
    }
}

/// <summary>cost_items: what a program or one of its cohorts cost (ROI's denominator). Key: program, cohort, category, description, day.</summary>
internal sealed class CostItemImport(string currency) : IImportKindHandler
{
    private readonly CostInputValidator _validator = new(Options.Create(new TrainingEvalOptions { Currency = currency }));

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<CostInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var program = c.Text(ProgramCode, TrainingProgram.CodeMaxLength);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength);
            var category = c.Choice(Category, CostCategories, required: true);
            var description = c.Text(Description, Bilingual.NameMaxLength, required: true);
            var amount = c.Number(Amount, required: true);
            var money = c.Text(ImportSchema.Currency, ImportCurrency.CodeLength);
            var on = c.Date(IncurredOn, required: true);
            if (category is null || description is null || amount is null || on is null || c.Bad(ProgramCode, program) || c.Bad(CohortCode, cohort) || c.Bad(ImportSchema.Currency, money))
                continue;
            var input = new CostInput(r.Number, program, cohort, category.Value, description, amount.Value, money, on.Value);
            if (_validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Where(r => r.Cohort is not null).Select(r => r.Cohort!), null, cancellationToken);
        var programs = (await db.Programs.AsNoTracking().Select(p => new { p.Id, p.Code, p.CodeKey })
            .WhereInAsync(ImportCounting.Keys(rows.Where(r => r.Program is not null).Select(r => r.Program!)), p => p.CodeKey, cancellationToken)).ToDictionary(p => p.CodeKey);
        var seen = new Dictionary<(int, int?, CostCategory, string, DateOnly), int>();
        var valid = new List<(CostInput Row, int ProgramId, int? CohortId)>();
        foreach (var row in rows)
        {
            int? programId = null;
            if (row.Program is not null)
            {
                if (programs.TryGetValue(NaturalKey.Of(row.Program), out var program))
                    programId = program.Id;
                else
                    import.Error(row.Row, ProgramCode, row.Program, ImportMessages.UnknownProgram, row.Program);
            }
            Cohort? cohort = null;
            if (row.Cohort is not null && (cohort = references.Cohort(row.Row, row.Cohort)) is null)
                continue;
            if (row.Program is not null && programId is null)
                continue;
            if (cohort is not null && programId is not null && cohort.ProgramId != programId)
            {
                import.Error(row.Row, CohortCode, row.Cohort, ImportMessages.CohortNotInProgram, cohort.Code, cohort.Program!.Code, row.Program!);
                continue;
            }
            var owner = programId ?? cohort!.ProgramId;
            if (import.FirstOccurrence(seen, (owner, cohort?.Id, row.Category, NaturalKey.Of(row.Description), row.IncurredOn), row.Row, Description, row.Description, ImportMessages.DuplicateRow,
                    $"{row.Program ?? cohort!.Program!.Code} / {row.Cohort ?? "-"} / {CostCategories.CodeOf(row.Category)} / '{row.Description}' / {Cell.Of(row.IncurredOn)}"))
                valid.Add((row, owner, cohort?.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.CostItems.WhereInAsync(valid.Select(v => v.ProgramId).Distinct(), c => c.ProgramId, cancellationToken))
            .GroupBy(c => (c.ProgramId, c.CohortId, c.Category, NaturalKey.Of(c.Description), c.IncurredOn)).ToDictionary(g => g.Key, g => g.First());
        var touched = new List<object>();
        var created = 0;
        foreach (var (row, programId, cohortId) in valid)
        {
            if (existing.TryGetValue((programId, cohortId, row.Category, NaturalKey.Of(row.Description), row.IncurredOn), out var item))
            {
                touched.Add(item);
                item.Amount = decimal.Round((decimal)row.Amount, 2);
                continue;
            }
            db.CostItems.Add(new ProgramCostItem
            {
                ProgramId = programId, CohortId = cohortId, Category = row.Category, Description = row.Description, Amount = decimal.Round((decimal)row.Amount, 2), IncurredOn = row.IncurredOn,
            });
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        return new ImportOutcome(created, updated, unchanged, new HashSet<int>());
    }
}
