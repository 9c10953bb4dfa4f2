using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Indicators;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Import;

// The record kinds the learning health index and the reaction and learning levels read: sessions and attendance,
// assignments and submissions, assessments and their results, surveys and their responses, interactions. Each kind:
// typed rows (FluentValidation for the rules a row can check by itself), references looked up in batches, duplicates
// inside the file, then an upsert by natural key — new rows in bulk with one audit line, changed rows audited one by one.

/// <summary>A session row: cohort_code*, held_on*, start_time, end_time, title*. Key: cohort, day, start time.</summary>
internal sealed record SessionInput(int Row, string Cohort, DateOnly HeldOn, TimeOnly? Start, TimeOnly? End, string Title);

internal sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator() =>
        RuleFor(s => s.End).Must((s, end) => SessionRules.EndsAfterStart(s.Start, end))
            .Reports(EndTime, ImportMessages.WrongOrder, (s, end) => Cell.Of(end), (s, end) => [EndTime, Cell.Of(end)!, StartTime, Cell.Of(s.Start)!]);
}

/// <summary>sessions: the cohort's class meetings; a new one is numbered after the cohort's last.</summary>
internal sealed class SessionImport : IImportKindHandler
{
    private static readonly SessionInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<SessionInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var day = c.Date(HeldOn, required: true);
            var start = c.Time(StartTime);
            var end = c.Time(EndTime);
            var title = c.Text(Title, Bilingual.NameMaxLength, required: true);
            if (cohort is null || day is null || title is null || c.Bad(StartTime, start) || c.Bad(EndTime, end))
                continue;
            var input = new SessionInput(r.Number, import.Pool(cohort), day.Value, start, end, title);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), null, cancellationToken);
        var seen = new Dictionary<(int, DateOnly, TimeOnly?), int>();
        var valid = new List<(SessionInput Row, Cohort Cohort)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!SessionRules.WithinCohort(row.HeldOn, cohort.StartDate, cohort.EndDate))
            {
                import.Error(row.Row, HeldOn, Cell.Of(row.HeldOn), ImportMessages.OutsideCohort, HeldOn, Cell.Of(row.HeldOn), cohort.Code, Cell.Of(cohort.StartDate), Cell.Of(cohort.EndDate));
                continue;
            }
            if (import.FirstOccurrence(seen, (cohort.Id, row.HeldOn, row.Start), row.Row, HeldOn, Cell.Of(row.HeldOn), ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {Cell.Of(row.HeldOn)}{(row.Start is { } s ? " " + Cell.Of(s) : "")}"))
                valid.Add((row, cohort));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var db = import.Db;
        var cohortIds = valid.Select(v => v.Cohort.Id).Distinct().ToList();
        var stored = await db.Sessions.WhereInAsync(cohortIds, s => s.CohortId, cancellationToken);
        var byDay = stored.ToLookup(s => (s.CohortId, s.HeldOn));
        var next = stored.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.Max(s => s.Sequence));
        var touched = new List<object>();
        var health = new HashSet<int>();
        var created = 0;
        foreach (var (row, cohort) in valid.OrderBy(v => v.Row.HeldOn).ThenBy(v => v.Row.Start))
        {
            var sameDay = byDay[(cohort.Id, row.HeldOn)].ToList();
            // The exact session, or the one session of that day written without a time (an earlier file gave none).
            var session = sameDay.FirstOrDefault(s => s.StartTime == row.Start)
                ?? (row.Start is not null && sameDay.Count == 1 && sameDay[0].StartTime is null ? sameDay[0] : null);
            if (session is not null)
            {
                touched.Add(session);
                session.Name = row.Title;
                session.StartTime = row.Start ?? session.StartTime;
                session.EndTime = row.End ?? session.EndTime;
                session.DurationMinutes = Duration(session.StartTime, session.EndTime) ?? session.DurationMinutes;
                continue;
            }
            var sequence = next[cohort.Id] = next.GetValueOrDefault(cohort.Id) + 1;
            db.Sessions.Add(new CohortSession
            {
                CohortId = cohort.Id, Sequence = sequence, HeldOn = row.HeldOn, StartTime = row.Start, EndTime = row.End, Name = row.Title,
                DurationMinutes = Duration(row.Start, row.End),
            });
            health.Add(cohort.Id);
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        // A held session counts for engagement in the health index; scores read attendance marks, not sessions.
        return new ImportOutcome(created, updated, unchanged, new HashSet<int>(), health);
    }

    private static int? Duration(TimeOnly? start, TimeOnly? end) => SessionRules.Duration(start, end);
}

/// <summary>The session a row names: the cohort's session on that day, at that start time when given.</summary>
internal static class SessionMatching
{
    public sealed record SessionKey(int Id, int CohortId, DateOnly HeldOn, TimeOnly? StartTime);

    public static SessionKey? Find(ImportContext import, ILookup<(int, DateOnly), SessionKey> sessions, int row, Cohort cohort, DateOnly day, TimeOnly? start)
    {
        var candidates = sessions[(cohort.Id, day)].ToList();
        var match = start is { } s
            ? candidates.FirstOrDefault(c => c.StartTime == s) ?? (candidates.Count == 1 && candidates[0].StartTime is null ? candidates[0] : null)
            : candidates.Count == 1 ? candidates[0] : null;
        if (match is not null)
            return match;
        if (start is null && candidates.Count > 1)
            import.Error(row, SessionStart, null, ImportMessages.AmbiguousSession, cohort.Code, Cell.Of(candidates.Count), Cell.Of(day));
        else
            import.Error(row, SessionDate, Cell.Of(day), ImportMessages.UnknownSession, cohort.Code, Cell.Of(day), start is { } t ? " " + Cell.Of(t) : "");
        return null;
    }
}

/// <summary>An attendance row: cohort_code*, session_date*, session_start, employee_no*, status*. Key: session, employee.</summary>
internal sealed class AttendanceImport : IImportKindHandler
{
    private sealed record Row(int Number, string Cohort, DateOnly Day, TimeOnly? Start, string EmployeeNo, AttendanceStatus Status);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var day = c.Date(SessionDate, required: true);
            var start = c.Time(SessionStart);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var status = c.Choice(Status, AttendanceStatuses, required: true);
            if (cohort is null || day is null || employee is null || status is null || c.Bad(SessionStart, start))
                continue;
            rows.Add(new Row(r.Number, import.Pool(cohort), day.Value, start, import.Pool(employee), status.Value));
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var cohortIds = references.Cohorts.Select(c => c.Id).ToList();
        var sessions = (await db.Sessions.AsNoTracking()
            .WhereInAsync(cohortIds, s => s.CohortId, s => new SessionMatching.SessionKey(s.Id, s.CohortId, s.HeldOn, s.StartTime), cancellationToken)).ToLookup(s => (s.CohortId, s.HeldOn));
        var seen = new Dictionary<(int, int), int>();
        var valid = new List<(Row Row, int SessionId, int EnrollmentId, int CohortId)>(rows.Count);
        foreach (var row in rows)
        {
            if (references.Cohort(row.Number, row.Cohort) is not { } cohort)
                continue;
            var session = SessionMatching.Find(import, sessions, row.Number, cohort, row.Day, row.Start);
            var enrollment = references.Enrollment(row.Number, cohort, row.EmployeeNo);
            if (session is null || enrollment is null)
                continue;
            if (import.FirstOccurrence(seen, (session.Id, enrollment.EnrollmentId), row.Number, EmployeeNo, row.EmployeeNo, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {Cell.Of(row.Day)} / {row.EmployeeNo}"))
                valid.Add((row, session.Id, enrollment.EnrollmentId, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var sessionIds = valid.Select(v => v.SessionId).Distinct().ToList();
        var existing = (await db.Attendance.AsNoTracking().WhereInAsync(sessionIds, a => a.SessionId, cancellationToken))
            .ToDictionary(a => (a.SessionId, a.EnrollmentId));
        var added = new List<AttendanceRecord>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0;
        foreach (var (row, sessionId, enrollmentId, cohortId) in valid)
        {
            if (existing.TryGetValue((sessionId, enrollmentId), out var record))
            {
                if (record.Status == row.Status)
                {
                    unchanged++;
                    continue;
                }
                db.Attendance.Attach(record);
                record.Status = row.Status;
                updated++;
            }
            else
            {
                added.Add(new AttendanceRecord { SessionId = sessionId, EnrollmentId = enrollmentId, Status = row.Status });
            }
            changed.Add(cohortId);
        }
        var created = await ImportWriting.InsertAsync(import, added, "attendance records", cancellationToken);
        return new ImportOutcome(created, updated, unchanged, changed, changed);
    }
}

/// <summary>An assignment row: cohort_code*, assignment_code*, title*, due_at*, assigned_on, max_score. Key: cohort, code.</summary>
internal sealed record AssignmentInput(int Row, string Cohort, string Code, string Title, DateTime DueAt, DateOnly? AssignedOn, double? MaxScore);

internal sealed class AssignmentInputValidator : AbstractValidator<AssignmentInput>
{
    public AssignmentInputValidator()
    {
        RuleFor(a => a.MaxScore).Must(m => m is null or > 0)
            .Reports(ImportSchema.MaxScore, ImportMessages.OutOfRange, (_, m) => Cell.Of(m), (_, m) => [ImportSchema.MaxScore, Cell.Of(m)!, "> 0"]);
        RuleFor(a => a.DueAt).Must((a, due) => a.AssignedOn is not { } set || DateOnly.FromDateTime(due) >= set)
            .Reports(DueAt, ImportMessages.WrongOrder, (_, due) => Cell.Of(due, AssignmentImport.DueWithoutTime),
                (a, due) => [DueAt, Cell.Of(due, AssignmentImport.DueWithoutTime), AssignedOn, Cell.Of(a.AssignedOn)!]);
    }
}

/// <summary>assignments: homework set for a cohort. A due date without a time is due at the end of that day.</summary>
internal sealed class AssignmentImport : IImportKindHandler
{
    /// <summary>"Due on 3 March" means by the end of that day.</summary>
    public static readonly TimeOnly DueWithoutTime = new(23, 59, 59);

    private static readonly AssignmentInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<AssignmentInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(AssignmentCode, Assignment.CodeMaxLength, required: true);
            var title = c.Text(Title, Bilingual.NameMaxLength, required: true);
            var due = c.Instant(DueAt, DueWithoutTime, required: true);
            var assigned = c.Date(AssignedOn);
            var max = c.Number(ImportSchema.MaxScore);
            if (cohort is null || code is null || title is null || due is null || c.Bad(AssignedOn, assigned) || c.Bad(ImportSchema.MaxScore, max))
                continue;
            var input = new AssignmentInput(r.Number, import.Pool(cohort), code, title, due.Value, assigned, max);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), null, cancellationToken);
        var seen = new Dictionary<(int, string), int>();
        var valid = new List<(AssignmentInput Row, Cohort Cohort)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is { } cohort
                && import.FirstOccurrence(seen, (cohort.Id, NaturalKey.Of(row.Code)), row.Row, AssignmentCode, row.Code, ImportMessages.DuplicateRow, $"{cohort.Code} / {row.Code}"))
                valid.Add((row, cohort));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var db = import.Db;
        var existing = (await db.Assignments.WhereInAsync(valid.Select(v => v.Cohort.Id).Distinct(), a => a.CohortId, cancellationToken))
            .ToDictionary(a => (a.CohortId, a.CodeKey));
        var touched = new List<object>();
        var changed = new HashSet<int>();
        var created = 0;
        foreach (var (row, cohort) in valid)
        {
            if (existing.TryGetValue((cohort.Id, NaturalKey.Of(row.Code)), out var assignment))
            {
                touched.Add(assignment);
                // A moved due date changes who was on time: the cohort is rescored.
                if (assignment.DueAt != row.DueAt || (row.MaxScore is { } m && m != assignment.MaxScore))
                    changed.Add(cohort.Id);
                assignment.Name = row.Title;
                assignment.DueAt = row.DueAt;
                assignment.AssignedOn = row.AssignedOn ?? assignment.AssignedOn;
                assignment.MaxScore = row.MaxScore ?? assignment.MaxScore;
                continue;
            }
            var dueDay = DateOnly.FromDateTime(row.DueAt);
            db.Assignments.Add(new Assignment
            {
                CohortId = cohort.Id, Code = row.Code, Name = row.Title, DueAt = row.DueAt, MaxScore = row.MaxScore ?? Assignment.DefaultMaxScore,
                AssignedOn = row.AssignedOn ?? (cohort.StartDate < dueDay ? cohort.StartDate : dueDay),
            });
            changed.Add(cohort.Id);
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        return new ImportOutcome(created, updated, unchanged, changed, changed);
    }
}

/// <summary>A submission row: cohort_code*, assignment_code*, employee_no*, submitted_at*, score. Key: assignment, employee.</summary>
internal sealed record SubmissionInput(int Row, string Cohort, string Assignment, string EmployeeNo, DateTime SubmittedAt, double? Score);

internal sealed class SubmissionInputValidator : AbstractValidator<SubmissionInput>
{
    public SubmissionInputValidator() =>
        RuleFor(s => s.Score).Must(s => s is null or >= 0)
            .Reports(Score, ImportMessages.LearnerOutOfRange, (_, s) => Cell.Of(s), (s, score) => [s.EmployeeNo, Score, Cell.Of(score)!, "≥ 0"]);
}

/// <summary>submissions: a learner's hand-in of an assignment; on time when at or before its due time. A date without a time is the start of that day.</summary>
internal sealed class SubmissionImport : IImportKindHandler
{
    private static readonly SubmissionInputValidator Validator = new();

    private sealed record AssignmentRef(int Id, int CohortId, string CodeKey, DateOnly AssignedOn, double MaxScore);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<SubmissionInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(AssignmentCode, Assignment.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var at = c.Instant(SubmittedAt, TimeOnly.MinValue, required: true);
            var score = c.Number(Score);
            if (cohort is null || code is null || employee is null || at is null || c.Bad(Score, score))
                continue;
            var input = new SubmissionInput(r.Number, import.Pool(cohort), import.Pool(code), import.Pool(employee), at.Value, score);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var assignments = (await db.Assignments.AsNoTracking()
            .WhereInAsync(references.Cohorts.Select(c => c.Id), a => a.CohortId, a => new AssignmentRef(a.Id, a.CohortId, a.CodeKey, a.AssignedOn, a.MaxScore), cancellationToken)).ToDictionary(a => (a.CohortId, a.CodeKey));
        var seen = new Dictionary<(int, int), int>();
        var valid = new List<(SubmissionInput Row, int AssignmentId, int EnrollmentId, int CohortId)>(rows.Count);
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!assignments.TryGetValue((cohort.Id, NaturalKey.Of(row.Assignment)), out var assignment))
            {
                import.Error(row.Row, AssignmentCode, row.Assignment, ImportMessages.UnknownAssignment, cohort.Code, row.Assignment);
                continue;
            }
            if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                continue;
            if (row.Score > assignment.MaxScore)
            {
                import.Error(row.Row, Score, Cell.Of(row.Score), ImportMessages.ScoreAboveMax, row.EmployeeNo, Cell.Of(row.Score.Value), Cell.Of(assignment.MaxScore), row.Assignment);
                continue;
            }
            if (DateOnly.FromDateTime(row.SubmittedAt) < assignment.AssignedOn)
            {
                import.Error(row.Row, SubmittedAt, Cell.Of(row.SubmittedAt, TimeOnly.MinValue), ImportMessages.SubmittedBeforeSet,
                    row.EmployeeNo, Cell.Of(row.SubmittedAt, TimeOnly.MinValue), row.Assignment, Cell.Of(assignment.AssignedOn));
                continue;
            }
            if (import.FirstOccurrence(seen, (assignment.Id, enrollment.EnrollmentId), row.Row, EmployeeNo, row.EmployeeNo, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.Assignment} / {row.EmployeeNo}"))
                valid.Add((row, assignment.Id, enrollment.EnrollmentId, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.Submissions.AsNoTracking().WhereInAsync(valid.Select(v => v.AssignmentId).Distinct(), s => s.AssignmentId, cancellationToken))
            .ToDictionary(s => (s.AssignmentId, s.EnrollmentId));
        var added = new List<Submission>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0;
        foreach (var (row, assignmentId, enrollmentId, cohortId) in valid)
        {
            if (existing.TryGetValue((assignmentId, enrollmentId), out var submission))
            {
                var score = row.Score ?? submission.Score;
                if (submission.SubmittedAt == row.SubmittedAt && submission.Score == score)
                {
                    unchanged++;
                    continue;
                }
                db.Submissions.Attach(submission);
                submission.SubmittedAt = row.SubmittedAt;
                submission.Score = score;
                updated++;
            }
            else
            {
                added.Add(new Submission { AssignmentId = assignmentId, EnrollmentId = enrollmentId, SubmittedAt = row.SubmittedAt, Score = row.Score });
            }
            changed.Add(cohortId);
        }
        var created = await ImportWriting.InsertAsync(import, added, "submissions", cancellationToken);
        return new ImportOutcome(created, updated, unchanged, changed, changed);
    }
}

/// <summary>
/// An assessment row: cohort_code*, assessment_code*, title*, kind*, part, max_score, pass_line, difficulty, held_on*, title_en
/// (the English name; empty keeps the stored one).
/// Key: cohort, code, part — an assessment has a theory part (its only part when it has no other) and may have a
/// practical one; the parts share everything but their maximum.
/// </summary>
internal sealed record AssessmentInput(int Row, string Cohort, string Code, string Title, AssessmentKind Kind, AssessmentPart Part, double? Max, double? PassLine,
    AssessmentDifficulty? Difficulty, DateOnly HeldOn, string? TitleEn);

internal sealed class AssessmentInputValidator : AbstractValidator<AssessmentInput>
{
    public AssessmentInputValidator()
    {
        RuleFor(a => a.Max).Must(m => m is null or > 0)
            .Reports(MaxScore, ImportMessages.OutOfRange, (_, m) => Cell.Of(m), (_, m) => [MaxScore, Cell.Of(m)!, "> 0"]);
        RuleFor(a => a.PassLine).Must(p => p is null or >= 0 and <= Assessment.MaxPassLine)
            .Reports(PassLine, ImportMessages.OutOfRange, (_, p) => Cell.Of(p), (_, p) => [PassLine, Cell.Of(p)!, ImportValidation.Range(0, Assessment.MaxPassLine)]);
    }
}

/// <summary>assessments: pre-tests, quizzes, post-tests and final exams of a cohort.</summary>
internal sealed class AssessmentImport : IImportKindHandler
{
    private static readonly AssessmentInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<AssessmentInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(AssessmentCode, Assessment.CodeMaxLength, required: true);
            var title = c.Text(Title, Bilingual.NameMaxLength, required: true);
            var kind = c.Choice(Kind, AssessmentKinds, required: true);
            var part = c.Choice(Part, AssessmentParts, empty: AssessmentPart.Theory);
            var max = c.Number(MaxScore);
            var passLine = c.Number(PassLine);
            var difficulty = c.Choice(Difficulty, Difficulties);
            var day = c.Date(HeldOn, required: true);
            var titleEn = c.Text(TitleEn, Bilingual.NameMaxLength);
            if (cohort is null || code is null || title is null || kind is null || part is null || day is null
                || c.Bad(MaxScore, max) || c.Bad(PassLine, passLine) || c.Bad(Difficulty, difficulty))
                continue;
            var input = new AssessmentInput(r.Number, import.Pool(cohort), code, title, kind.Value, part.Value, max, passLine, difficulty, day.Value, titleEn);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), null, cancellationToken);
        var existing = (await db.Assessments.WhereInAsync(references.Cohorts.Select(c => c.Id), a => a.CohortId, cancellationToken))
            .ToDictionary(a => (a.CohortId, a.CodeKey));
        var seen = new Dictionary<(int, string, AssessmentPart), int>();
        var theory = new Dictionary<(int, string), AssessmentInput>();
        var valid = new List<(AssessmentInput Row, Cohort Cohort)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!FitsCohort(row, cohort))
            {
                import.Error(row.Row, HeldOn, Cell.Of(row.HeldOn), ImportMessages.OutsideCohort, HeldOn, Cell.Of(row.HeldOn), cohort.Code, Cell.Of(cohort.StartDate), Cell.Of(cohort.EndDate));
                continue;
            }
            var key = (cohort.Id, NaturalKey.Of(row.Code));
            if (!import.FirstOccurrence(seen, (key.Id, key.Item2, row.Part), row.Row, AssessmentCode, row.Code, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.Code} / {AssessmentParts.CodeOf(row.Part)}"))
                continue;
            if (row.Part == AssessmentPart.Theory)
                theory[key] = row;
            valid.Add((row, cohort));
        }
        foreach (var (row, cohort) in valid.Where(v => v.Row.Part == AssessmentPart.Practical))
        {
            var key = (cohort.Id, NaturalKey.Of(row.Code));
            if (theory.TryGetValue(key, out var first))
            {
                if (Disagreement(first, row) is { } column)
                    import.Error(row.Row, column, null, ImportMessages.PartsDisagree, row.Code, Cell.Of(first.Row), column);
            }
            else if (!existing.ContainsKey(key))
            {
                import.Error(row.Row, Part, AssessmentParts.CodeOf(row.Part), ImportMessages.TheoryPartFirst, row.Code);
            }
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var touched = new List<object>();
        var changed = new HashSet<int>();
        foreach (var (row, cohort) in valid.OrderBy(v => v.Row.Part))
        {
            var key = (cohort.Id, NaturalKey.Of(row.Code));
            if (!existing.TryGetValue(key, out var assessment))
            {
                assessment = new Assessment { CohortId = cohort.Id, Code = row.Code, Name = row.Title, HeldOn = row.HeldOn, Kind = row.Kind };
                db.Assessments.Add(assessment);
                existing[key] = assessment;
            }
            else if (!touched.Contains(assessment))
            {
                touched.Add(assessment);
            }
            if (row.Part == AssessmentPart.Theory)
            {
                assessment.Name = row.Title;
                assessment.NameEn = row.TitleEn ?? assessment.NameEn;
                assessment.Kind = row.Kind;
                assessment.HeldOn = row.HeldOn;
                assessment.MaxScore = row.Max ?? (db.Entry(assessment).State == EntityState.Added ? Assessment.DefaultMaxScore : assessment.MaxScore);
                assessment.PassLine = row.PassLine ?? (db.Entry(assessment).State == EntityState.Added ? Assessment.DefaultPassLine : assessment.PassLine);
                assessment.Difficulty = row.Difficulty ?? (db.Entry(assessment).State == EntityState.Added ? AssessmentDifficulty.Intermediate : assessment.Difficulty);
            }
            else
            {
                assessment.PracticalMaxScore = row.Max ?? assessment.PracticalMaxScore ?? Assessment.DefaultMaxScore;
            }
        }
        ImportCounting.Count(db, touched);
        foreach (var entry in db.ChangeTracker.Entries<Assessment>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            changed.Add(entry.Entity.CohortId);
        // Counted by row, as every kind counts: a part row is created, updated or unchanged with its assessment.
        var states = valid.Select(v => db.Entry(existing[(v.Cohort.Id, NaturalKey.Of(v.Row.Code))]).State).ToList();
        return new ImportOutcome(states.Count(s => s == EntityState.Added), states.Count(s => s == EntityState.Modified), states.Count(s => s == EntityState.Unchanged), changed, changed);
    }

    /// <summary>A pre-test comes before the cohort ends, a post-test or final exam after it starts, a quiz while it runs.</summary>
    private static bool FitsCohort(AssessmentInput row, Cohort cohort) => row.Kind switch
    {
        AssessmentKind.PreTest => row.HeldOn <= cohort.EndDate,
        AssessmentKind.Quiz => row.HeldOn >= cohort.StartDate && row.HeldOn <= cohort.EndDate,
        _ => row.HeldOn >= cohort.StartDate,
    };

    private static string? Disagreement(AssessmentInput theory, AssessmentInput practical) =>
        theory.Title != practical.Title ? Title
        : practical.TitleEn is not null && practical.TitleEn != theory.TitleEn ? TitleEn
        : theory.Kind != practical.Kind ? Kind
        : theory.HeldOn != practical.HeldOn ? HeldOn
        : practical.PassLine is not null && practical.PassLine != theory.PassLine ? PassLine
        : practical.Difficulty is not null && practical.Difficulty != theory.Difficulty ? Difficulty
        : null;
}

/// <summary>A result row: cohort_code*, assessment_code*, part, employee_no*, score*. Key: assessment, employee (and the part it fills).</summary>
internal sealed record ResultInput(int Row, string Cohort, string Assessment, AssessmentPart Part, string EmployeeNo, double Score);

internal sealed class ResultInputValidator : AbstractValidator<ResultInput>
{
    public ResultInputValidator() =>
        RuleFor(r => r.Score).GreaterThanOrEqualTo(0)
            .Reports(Score, ImportMessages.LearnerOutOfRange, (_, s) => Cell.Of(s), (r, s) => [r.EmployeeNo, Score, Cell.Of(s), "≥ 0"]);
}

/// <summary>assessment_results: a learner's score in an assessment, theory part or practical part, on the assessment's own scale (0 to its max).</summary>
internal sealed class ResultImport : IImportKindHandler
{
    private static readonly ResultInputValidator Validator = new();

    private sealed record AssessmentRef(int Id, int CohortId, string CodeKey, double MaxScore, double? PracticalMaxScore);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<ResultInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(AssessmentCode, Assessment.CodeMaxLength, required: true);
            var part = c.Choice(Part, AssessmentParts, empty: AssessmentPart.Theory);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var score = c.Number(Score, required: true);
            if (cohort is null || code is null || part is null || employee is null || score is null)
                continue;
            var input = new ResultInput(r.Number, import.Pool(cohort), import.Pool(code), part.Value, import.Pool(employee), score.Value);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var assessments = (await db.Assessments.AsNoTracking()
            .WhereInAsync(references.Cohorts.Select(c => c.Id), a => a.CohortId, a => new AssessmentRef(a.Id, a.CohortId, a.CodeKey, a.MaxScore, a.PracticalMaxScore), cancellationToken)).ToDictionary(a => (a.CohortId, a.CodeKey));
        var seen = new Dictionary<(int, int, AssessmentPart), int>();
        var valid = new List<(ResultInput Row, int AssessmentId, int EnrollmentId, int CohortId)>(rows.Count);
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!assessments.TryGetValue((cohort.Id, NaturalKey.Of(row.Assessment)), out var assessment))
            {
                import.Error(row.Row, AssessmentCode, row.Assessment, ImportMessages.UnknownAssessment, cohort.Code, row.Assessment);
                continue;
            }
            var max = row.Part == AssessmentPart.Theory ? assessment.MaxScore : assessment.PracticalMaxScore;
            if (max is null)
            {
                import.Error(row.Row, Part, AssessmentParts.CodeOf(row.Part), ImportMessages.NoPracticalPart, cohort.Code, row.Assessment);
                continue;
            }
            if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                continue;
            if (row.Score > max)
            {
                var what = row.Part == AssessmentPart.Theory ? row.Assessment : $"{row.Assessment} ({AssessmentParts.CodeOf(row.Part)})";
                import.Error(row.Row, Score, Cell.Of(row.Score), ImportMessages.ScoreAboveMax, row.EmployeeNo, Cell.Of(row.Score), Cell.Of(max.Value), what);
                continue;
            }
            if (import.FirstOccurrence(seen, (assessment.Id, enrollment.EnrollmentId, row.Part), row.Row, EmployeeNo, row.EmployeeNo, ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.Assessment} / {AssessmentParts.CodeOf(row.Part)} / {row.EmployeeNo}"))
                valid.Add((row, assessment.Id, enrollment.EnrollmentId, cohort.Id));
        }

        var existing = (await db.AssessmentResults.AsNoTracking().WhereInAsync(valid.Select(v => v.AssessmentId).Distinct(), r => r.AssessmentId, cancellationToken))
            .ToDictionary(r => (r.AssessmentId, r.EnrollmentId));
        var byResult = valid.GroupBy(v => (v.AssessmentId, v.EnrollmentId)).ToList();
        foreach (var result in byResult)
        {
            // A practical score needs the theory score beside it: in this file or stored.
            if (!existing.ContainsKey(result.Key) && result.All(v => v.Row.Part == AssessmentPart.Practical))
            {
                var row = result.First().Row;
                import.Error(row.Row, Part, AssessmentParts.CodeOf(row.Part), ImportMessages.PracticalNeedsTheory, row.EmployeeNo, row.Assessment);
            }
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var added = new List<AssessmentResult>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0;
        foreach (var result in byResult)
        {
            var theory = result.FirstOrDefault(v => v.Row.Part == AssessmentPart.Theory).Row?.Score;
            var practical = result.FirstOrDefault(v => v.Row.Part == AssessmentPart.Practical).Row?.Score;
            var cohortId = result.First().CohortId;
            if (existing.TryGetValue(result.Key, out var stored))
            {
                var score = theory ?? stored.Score;
                var practicalScore = practical ?? stored.PracticalScore;
                if (stored.Score == score && stored.PracticalScore == practicalScore)
                {
                    unchanged += result.Count();
                    continue;
                }
                db.AssessmentResults.Attach(stored);
                stored.Score = score;
                stored.PracticalScore = practicalScore;
                updated += result.Count();
            }
            else
            {
                added.Add(new AssessmentResult { AssessmentId = result.Key.AssessmentId, EnrollmentId = result.Key.EnrollmentId, Score = theory!.Value, PracticalScore = practical });
            }
            changed.Add(cohortId);
        }
        await ImportWriting.InsertAsync(import, added, "assessment results", cancellationToken);
        var created = valid.Count - updated - unchanged;
        return new ImportOutcome(created, updated, unchanged, changed, changed);
    }
}

/// <summary>A survey row: cohort_code*, survey_code*, title*, kind, items*, opened_on*, title_en (empty keeps the stored one). Key: cohort, code.</summary>
internal sealed record SurveyInput(int Row, string Cohort, string Code, string Title, SurveyKind Kind, int Items, DateOnly OpenedOn, string? TitleEn);

internal sealed class SurveyInputValidator : AbstractValidator<SurveyInput>
{
    public SurveyInputValidator() =>
        RuleFor(s => s.Items).InclusiveBetween(1, SatisfactionSurvey.MaxItems)
            .Reports(Items, ImportMessages.OutOfRange, (_, n) => Cell.Of(n), (_, n) => [Items, Cell.Of(n), ImportValidation.Range(1, SatisfactionSurvey.MaxItems)]);
}

/// <summary>surveys: a cohort's questionnaires; reaction surveys give <c>satisfaction</c>, needs and follow-up surveys are kept beside them.</summary>
internal sealed class SurveyImport : IImportKindHandler
{
    private static readonly SurveyInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<SurveyInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(SurveyCode, SatisfactionSurvey.CodeMaxLength, required: true);
            var title = c.Text(Title, Bilingual.NameMaxLength, required: true);
            var kind = c.Choice(Kind, SurveyKinds, empty: SurveyKind.Reaction);
            var items = c.WholeNumber(Items, required: true);
            var opened = c.Date(OpenedOn, required: true);
            var titleEn = c.Text(TitleEn, Bilingual.NameMaxLength);
            if (cohort is null || code is null || title is null || kind is null || items is null || opened is null)
                continue;
            var input = new SurveyInput(r.Number, import.Pool(cohort), code, title, kind.Value, items.Value, opened.Value, titleEn);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), null, cancellationToken);
        var seen = new Dictionary<(int, string), int>();
        var valid = new List<(SurveyInput Row, Cohort Cohort)>();
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            var fits = row.Kind switch
            {
                SurveyKind.Reaction => row.OpenedOn >= cohort.StartDate,
                SurveyKind.Needs => row.OpenedOn <= cohort.EndDate,
                _ => row.OpenedOn > cohort.EndDate,
            };
            if (!fits)
            {
                import.Error(row.Row, OpenedOn, Cell.Of(row.OpenedOn), ImportMessages.SurveyDate, SurveyKinds.CodeOf(row.Kind), Cell.Of(row.OpenedOn), cohort.Code,
                    Cell.Of(cohort.StartDate), Cell.Of(cohort.EndDate));
                continue;
            }
            if (import.FirstOccurrence(seen, (cohort.Id, NaturalKey.Of(row.Code)), row.Row, SurveyCode, row.Code, ImportMessages.DuplicateRow, $"{cohort.Code} / {row.Code}"))
                valid.Add((row, cohort));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var db = import.Db;
        var existing = (await db.Surveys.WhereInAsync(valid.Select(v => v.Cohort.Id).Distinct(), s => s.CohortId, cancellationToken)).ToDictionary(s => (s.CohortId, s.CodeKey));
        // A survey built in the app (Features/Surveys) counts its rating items itself: a file may not say another number.
        var built = (await db.SurveyItems.WhereInAsync(existing.Values.Select(s => s.Id), i => i.SurveyId, i => i.SurveyId, cancellationToken)).ToHashSet();
        foreach (var (row, cohort) in valid)
        {
            if (existing.TryGetValue((cohort.Id, NaturalKey.Of(row.Code)), out var stored) && built.Contains(stored.Id) && stored.ItemCount != row.Items)
                import.Error(row.Row, Items, Cell.Of(row.Items), ImportMessages.SurveyItemsBuilt, stored.Code, cohort.Code, Cell.Of(stored.ItemCount));
        }
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;
        var touched = new List<object>();
        var changed = new HashSet<int>();
        var created = 0;
        foreach (var (row, cohort) in valid)
        {
            if (existing.TryGetValue((cohort.Id, NaturalKey.Of(row.Code)), out var survey))
            {
                touched.Add(survey);
                if (survey.Kind != row.Kind)
                    changed.Add(cohort.Id);
                survey.Name = row.Title;
                survey.NameEn = row.TitleEn ?? survey.NameEn;
                survey.Kind = row.Kind;
                survey.ItemCount = row.Items;
                survey.OpenedOn = row.OpenedOn;
                continue;
            }
            db.Surveys.Add(new SatisfactionSurvey { CohortId = cohort.Id, Code = row.Code, Name = row.Title, NameEn = row.TitleEn, Kind = row.Kind, ItemCount = row.Items, OpenedOn = row.OpenedOn });
            created++;
        }
        var (updated, unchanged) = ImportCounting.Count(db, touched);
        return new ImportOutcome(created, updated, unchanged, changed);
    }
}

/// <summary>A response row: cohort_code*, survey_code*, employee_no*, item*, rating*, submitted_at, comment. Key: survey, employee, item.</summary>
internal sealed record ResponseInput(int Row, string Cohort, string Survey, string EmployeeNo, int Item, int Rating, DateTime? SubmittedAt, string? Comment);

internal sealed class ResponseInputValidator : AbstractValidator<ResponseInput>
{
    public ResponseInputValidator()
    {
        RuleFor(r => r.Rating).InclusiveBetween(RatingScale.Min, RatingScale.Max)
            .Reports(Rating, ImportMessages.LearnerOutOfRange, (_, v) => Cell.Of(v), (r, v) => [r.EmployeeNo, Rating, Cell.Of(v), RatingScale.Range]);
        RuleFor(r => r.Item).GreaterThanOrEqualTo(1)
            .Reports(Item, ImportMessages.OutOfRange, (_, v) => Cell.Of(v), (_, v) => [Item, Cell.Of(v), "≥ 1"]);
    }
}

/// <summary>survey_responses: one item's 1–5 rating per row; a learner's rows of one survey make one response.</summary>
internal sealed class ResponseImport : IImportKindHandler
{
    private static readonly ResponseInputValidator Validator = new();

    private sealed record SurveyRef(int Id, int CohortId, string CodeKey, int ItemCount, DateOnly OpenedOn);

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<ResponseInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var code = c.Text(SurveyCode, SatisfactionSurvey.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var item = c.WholeNumber(Item, required: true);
            var rating = c.WholeNumber(Rating, required: true);
            var at = c.Instant(SubmittedAt, TimeOnly.MinValue);
            var comment = c.Text(Comment, Bilingual.TextMaxLength);
            if (cohort is null || code is null || employee is null || item is null || rating is null || c.Bad(SubmittedAt, at) || c.Bad(Comment, comment))
                continue;
            var input = new ResponseInput(r.Number, import.Pool(cohort), import.Pool(code), import.Pool(employee), item.Value, rating.Value, at, comment);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var surveys = (await db.Surveys.AsNoTracking()
            .WhereInAsync(references.Cohorts.Select(c => c.Id), s => s.CohortId, s => new SurveyRef(s.Id, s.CohortId, s.CodeKey, s.ItemCount, s.OpenedOn), cancellationToken)).ToDictionary(s => (s.CohortId, s.CodeKey));
        var seen = new Dictionary<(int, int, int), int>();
        var valid = new List<(ResponseInput Row, SurveyRef Survey, int EnrollmentId, int CohortId)>(rows.Count);
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            if (!surveys.TryGetValue((cohort.Id, NaturalKey.Of(row.Survey)), out var survey))
            {
                import.Error(row.Row, SurveyCode, row.Survey, ImportMessages.UnknownSurvey, cohort.Code, row.Survey);
                continue;
            }
            if (row.Item > survey.ItemCount)
            {
                import.Error(row.Row, Item, Cell.Of(row.Item), ImportMessages.NoSuchItem, row.Survey, Cell.Of(survey.ItemCount), Cell.Of(row.Item));
                continue;
            }
            if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                continue;
            if (row.SubmittedAt is { } at && DateOnly.FromDateTime(at) < survey.OpenedOn)
            {
                import.Error(row.Row, SubmittedAt, Cell.Of(at, TimeOnly.MinValue), ImportMessages.WrongOrder, SubmittedAt, Cell.Of(at, TimeOnly.MinValue), OpenedOn, Cell.Of(survey.OpenedOn));
                continue;
            }
            if (import.FirstOccurrence(seen, (survey.Id, enrollment.EnrollmentId, row.Item), row.Row, Item, Cell.Of(row.Item), ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.Survey} / {row.EmployeeNo} / item {Cell.Of(row.Item)}"))
                valid.Add((row, survey, enrollment.EnrollmentId, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        // A file's responses are the learners' own (a mentor's follow-up answers are made in the app only).
        var existing = (await db.SurveyResponses.AsNoTracking().Where(r => r.Respondent == SurveyRespondent.Learner).WhereInAsync(valid.Select(v => v.Survey.Id).Distinct(), r => r.SurveyId, cancellationToken))
            .ToDictionary(r => (r.SurveyId, r.EnrollmentId));
        var added = new List<SurveyResponse>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0, created = 0;
        foreach (var response in valid.GroupBy(v => (v.Survey.Id, v.EnrollmentId)))
        {
            var survey = response.First().Survey;
            var items = response.ToList();
            var stored = existing.GetValueOrDefault(response.Key);
            var scores = Enumerable.Range(1, survey.ItemCount).Select(i => stored is not null && i <= stored.ItemScores.Count ? stored.ItemScores[i - 1] : null).ToList();
            var same = 0;
            foreach (var (row, _, _, _) in items)
            {
                if (scores[row.Item - 1] == row.Rating)
                    same++;
                scores[row.Item - 1] = row.Rating;
            }
            var submitted = items.Select(i => i.Row.SubmittedAt).Max() ?? stored?.SubmittedAt ?? survey.OpenedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var comment = items.Select(i => i.Row.Comment).LastOrDefault(c => c is not null) ?? stored?.Comment;
            if (stored is null)
            {
                added.Add(new SurveyResponse { SurveyId = survey.Id, EnrollmentId = response.Key.EnrollmentId, ItemScores = scores, SubmittedAt = submitted, Comment = comment });
                created += items.Count;
                changed.Add(response.First().CohortId);
                continue;
            }
            if (same == items.Count && stored.SubmittedAt == submitted && stored.Comment == comment && stored.ItemScores.Count == scores.Count)
            {
                unchanged += items.Count;
                continue;
            }
            db.SurveyResponses.Attach(stored);
            stored.ItemScores = scores;
            stored.SubmittedAt = submitted;
            stored.Comment = comment;
            // Rows count by item: those that changed a rating are updated, the others unchanged.
            updated += items.Count - same;
            unchanged += same;
            changed.Add(response.First().CohortId);
        }
        await ImportWriting.InsertAsync(import, added, "survey responses", cancellationToken);
        return new ImportOutcome(created, updated, unchanged, changed);
    }
}

/// <summary>An interaction row: cohort_code*, employee_no*, occurred_at*, kind*, count. Key: enrollment, time, kind; the count says how many.</summary>
internal sealed record InteractionInput(int Row, string Cohort, string EmployeeNo, DateTime OccurredAt, InteractionKind Kind, int Count);

internal sealed class InteractionInputValidator : AbstractValidator<InteractionInput>
{
    public InteractionInputValidator() =>
        RuleFor(i => i.Count).GreaterThanOrEqualTo(1)
            .Reports(ImportSchema.Count, ImportMessages.LearnerOutOfRange, (_, n) => Cell.Of(n), (i, n) => [i.EmployeeNo, ImportSchema.Count, Cell.Of(n), "≥ 1"]);
}

/// <summary>interactions: posts, questions and poll answers in the cohort, one row per event or per day and kind with a count.</summary>
internal sealed class InteractionImport : IImportKindHandler
{
    private static readonly InteractionInputValidator Validator = new();

    public async Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken)
    {
        var rows = new List<InteractionInput>();
        await foreach (var r in import.ReadRowsAsync(cancellationToken))
        {
            var c = import.Cells(r);
            var cohort = c.Text(CohortCode, Cohort.CodeMaxLength, required: true);
            var employee = c.Text(EmployeeNo, Learner.EmployeeNumberMaxLength, required: true);
            var at = c.Instant(OccurredAt, TimeOnly.MinValue, required: true);
            var kind = c.Choice(Kind, InteractionKinds, required: true);
            var count = c.WholeNumber(ImportSchema.Count);
            if (cohort is null || employee is null || at is null || kind is null || c.Bad(ImportSchema.Count, count))
                continue;
            var input = new InteractionInput(r.Number, import.Pool(cohort), import.Pool(employee), at.Value, kind.Value, count ?? 1);
            if (Validator.Passes(input, import, r.Number))
                rows.Add(input);
        }

        var db = import.Db;
        var references = await CohortReferences.LoadAsync(import, rows.Select(r => r.Cohort), rows.Select(r => r.EmployeeNo), cancellationToken);
        var seen = new Dictionary<(int, DateTime, InteractionKind), int>();
        var valid = new List<(InteractionInput Row, int EnrollmentId, int CohortId)>(rows.Count);
        foreach (var row in rows)
        {
            if (references.Cohort(row.Row, row.Cohort) is not { } cohort)
                continue;
            var day = DateOnly.FromDateTime(row.OccurredAt);
            if (day < cohort.StartDate || day > cohort.EndDate)
            {
                import.Error(row.Row, OccurredAt, Cell.Of(row.OccurredAt, TimeOnly.MinValue), ImportMessages.OutsideCohort, OccurredAt, Cell.Of(row.OccurredAt, TimeOnly.MinValue),
                    cohort.Code, Cell.Of(cohort.StartDate), Cell.Of(cohort.EndDate));
                continue;
            }
            if (references.Enrollment(row.Row, cohort, row.EmployeeNo) is not { } enrollment)
                continue;
            if (import.FirstOccurrence(seen, (enrollment.EnrollmentId, row.OccurredAt, row.Kind), row.Row, OccurredAt, Cell.Of(row.OccurredAt, TimeOnly.MinValue), ImportMessages.DuplicateRow,
                    $"{cohort.Code} / {row.EmployeeNo} / {Cell.Of(row.OccurredAt, TimeOnly.MinValue)} / {InteractionKinds.CodeOf(row.Kind)}"))
                valid.Add((row, enrollment.EnrollmentId, cohort.Id));
        }
        import.Checked();
        if (import.Errors.Count > 0)
            return ImportOutcome.Refused;

        var existing = (await db.Interactions.AsNoTracking().WhereInAsync(valid.Select(v => v.CohortId).Distinct(), i => i.Enrollment!.CohortId, cancellationToken))
            .GroupBy(i => (i.EnrollmentId, i.OccurredAt, i.Kind)).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Id).ToList());
        var added = new List<Interaction>();
        var changed = new HashSet<int>();
        int updated = 0, unchanged = 0;
        foreach (var (row, enrollmentId, cohortId) in valid)
        {
            if (existing.TryGetValue((enrollmentId, row.OccurredAt, row.Kind), out var stored))
            {
                if (stored.Sum(i => i.Count) == row.Count)
                {
                    unchanged++;
                    continue;
                }
                // The file's count replaces what is stored at that time: one row keeps it, any others go.
                db.Interactions.Attach(stored[0]);
                stored[0].Count = row.Count;
                foreach (var extra in stored.Skip(1))
                    db.Interactions.Remove(extra);
                updated++;
            }
            else
            {
                added.Add(new Interaction { EnrollmentId = enrollmentId, OccurredAt = row.OccurredAt, Kind = row.Kind, Count = row.Count });
            }
            changed.Add(cohortId);
        }
        var created = await ImportWriting.InsertAsync(import, added, "interactions", cancellationToken);
        return new ImportOutcome(created, updated, unchanged, changed, changed);
    }
}
