using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Applications;

/// <summary>
/// One of the learner's cohorts a case can be logged for, with its tracking window (the day after the cohort's last day to
/// the profile's <c>ApplicationWindowDays</c> later) and how many confirmed cases in it count for <c>application</c> so far.
/// </summary>
public sealed record CaseEnrolment(int EnrollmentId, int CohortId, string CohortCode, string CohortName, string? CohortNameEn,
    DateOnly StartDate, DateOnly EndDate, int WindowDays, int Counted)
{
    public DateOnly WindowFirst => EndDate.AddDays(1);
    public DateOnly WindowLast => EndDate.AddDays(WindowDays);

    /// <summary>Whether a case of <paramref name="day"/> counts for the indicator once confirmed (the collector's rule).</summary>
    public bool InWindow(DateOnly day) => IndicatorDerivation.InApplicationWindow(day, EndDate, WindowDays);
}

/// <summary>A case as its learner and mentor see it; <see cref="Revision"/> is what a review or an edit is based on.</summary>
public sealed record ApplicationCaseRow(
    int Id, int Revision, int EnrollmentId, string CohortCode, DateOnly OccurredOn, string Description, string? Result,
    ApplicationCaseStatus Status, bool IsKeyEvent, DateTime? SubmittedAt, DateTime? ReviewedAt, string? ReviewedBy, string? ReviewedByEn,
    string? ReviewNote, bool InWindow);

/// <summary>The learner's cohorts (newest first) and cases (latest day first).</summary>
public sealed record LearnerCases(IReadOnlyList<CaseEnrolment> Enrolments, IReadOnlyList<ApplicationCaseRow> Cases);

/// <summary>A case waiting for the mentor, with its learner and how many of the learner's cases count in that cohort so far.</summary>
public sealed record WaitingCase(ApplicationCaseRow Case, string EmployeeNumber, string LearnerName, string? LearnerNameEn, int Counted,
    DateOnly WindowFirst, DateOnly WindowLast);

/// <summary>
/// Application cases (训后应用案例, issue 17 item 5): a learner logs an on-the-job application of what they learned in
/// one of their cohorts; the mentor confirms it (maybe as a key event) or asks for more, and the learner edits it, which
/// makes it pending again. Only confirmed cases count for <c>application</c>, so a confirmation rescores the learner at
/// once (scores and the health index update live). Every write is one save of an audited row; a review based on a case
/// that changed since it was opened (its <see cref="ApplicationEvent.Revision"/>) is refused.
/// </summary>
public sealed class ApplicationCaseService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    IRecordAccess access,
    IValidator<ApplicationCaseInput> validator,
    IStringLocalizer<ApplicationStrings> text,
    TimeProvider clock)
{
    /// <summary>Logs a new case of learner <paramref name="learnerId"/> in one of their enrollments; it waits for the mentor.</summary>
    /// <exception cref="AccessDeniedException">The signed-in user is not that learner, or the enrollment is not theirs.</exception>
    /// <exception cref="DataValidationException">A field is missing or too long, or the day is in the future or before the cohort began.</exception>
    public async Task<ApplicationCaseRow> SubmitAsync(int learnerId, int enrollmentId, DateOnly occurredOn, string? description, string? result,
        CancellationToken cancellationToken = default)
    {
        var input = new ApplicationCaseInput { EnrollmentId = enrollmentId, OccurredOn = ApplicationCaseInput.Text(occurredOn), Description = description, Result = result };
        var enrolment = await CheckAsync(learnerId, input, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = new ApplicationEvent
        {
            EnrollmentId = enrollmentId,
            OccurredOn = occurredOn,
            Description = description!.Trim(),
            Result = Clean(result),
            Status = ApplicationCaseStatus.Pending,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApplicationEvents.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Row(row, enrolment, null, null);
    }

    /// <summary>
    /// The learner edits a case that waits for their mentor or that the mentor asked more of: it is pending again. The mentor's
    /// note stays, so the mentor sees what they asked for beside the answer. A confirmed case is a record and stays as it is.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The case changed since the learner opened it (the mentor reviewed it meanwhile).</exception>
    public async Task<ApplicationCaseRow> ResubmitAsync(int caseId, int expectedRevision, int learnerId, int enrollmentId, DateOnly occurredOn,
        string? description, string? result, CancellationToken cancellationToken = default)
    {
        var input = new ApplicationCaseInput { EnrollmentId = enrollmentId, OccurredOn = ApplicationCaseInput.Text(occurredOn), Description = description, Result = result };
        var enrolment = await CheckAsync(learnerId, input, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApplicationEvents.FirstOrDefaultAsync(a => a.Id == caseId, cancellationToken)
            ?? throw new RecordNotFoundException("application case", caseId);
        // The case itself must be the learner's too, not only the cohort it moves to.
        await access.EnsureIsLearnerOfAsync(row.EnrollmentId, cancellationToken);
        if (row.Status == ApplicationCaseStatus.Confirmed)
            throw new DataValidationException(text["Err_EditConfirmed", Day(row.OccurredOn)]);
        if (row.Revision != expectedRevision)
            throw new ConcurrencyConflictException(text["Err_ChangedSinceOpened", Day(row.OccurredOn)]);
        row.EnrollmentId = enrollmentId;
        row.OccurredOn = occurredOn;
        row.Description = description!.Trim();
        row.Result = Clean(result);
        row.Status = ApplicationCaseStatus.Pending;
        row.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(db, row, cancellationToken);
        return Row(row, enrolment, null, null);
    }

    /// <summary>Mentor <paramref name="mentorId"/> confirms a case: it counts for <c>application</c> from now on and the learner is rescored.</summary>
    /// <exception cref="DataValidationException">The case is confirmed already.</exception>
    /// <exception cref="ConcurrencyConflictException">The learner edited the case since the mentor opened it.</exception>
    public async Task<ApplicationCaseRow> ConfirmAsync(int caseId, int expectedRevision, int mentorId, bool isKeyEvent, string? note,
        CancellationToken cancellationToken = default)
    {
        var (row, cohortId) = await ReviewAsync(caseId, expectedRevision, mentorId, note, noteRequired: false, row =>
        {
            row.Status = ApplicationCaseStatus.Confirmed;
            row.IsKeyEvent = isKeyEvent;
        }, cancellationToken);
        // Only confirmed cases count: this one changes the learner's application count, their scores and health index.
        await scores.RecomputeLearnersAsync(cohortId, [row.EnrollmentId], cancellationToken);
        return row;
    }

    /// <summary>Mentor <paramref name="mentorId"/> asks the learner for more (the note says what); the case waits for the learner.</summary>
    public async Task<ApplicationCaseRow> AskForMoreAsync(int caseId, int expectedRevision, int mentorId, string? note, CancellationToken cancellationToken = default)
    {
        var (row, _) = await ReviewAsync(caseId, expectedRevision, mentorId, note, noteRequired: true,
            row => row.Status = ApplicationCaseStatus.NeedsMore, cancellationToken);
        return row;
    }

    /// <summary>The cases of learner <paramref name="learnerId"/> and the cohorts they can log one for.</summary>
    public async Task<LearnerCases> ForLearnerAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrolments = await EnrolmentsAsync(db, db.Enrollments.Where(e => e.LearnerId == learnerId), cancellationToken);
        var byId = enrolments.ToDictionary(e => e.EnrollmentId);
        var cases = await db.ApplicationEvents.AsNoTracking()
            .Where(a => a.Enrollment!.LearnerId == learnerId)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id)
            .Select(a => new { Case = a, ReviewedBy = a.ReviewedByMentor!.Name, ReviewedByEn = a.ReviewedByMentor.NameEn })
            .ToListAsync(cancellationToken);
        return new LearnerCases(
            [.. enrolments.Where(e => e.StartDate <= Today).OrderByDescending(e => e.StartDate).ThenByDescending(e => e.EnrollmentId)],
            [.. cases.Where(c => byId.ContainsKey(c.Case.EnrollmentId)).Select(c => Row(c.Case, byId[c.Case.EnrollmentId], c.ReviewedBy, c.ReviewedByEn))]);
    }

    /// <summary>The cases waiting for mentor <paramref name="mentorId"/>: pending cases of their mentees and of the cohorts they mentor, oldest first.</summary>
    public async Task<IReadOnlyList<WaitingCase>> WaitingForMentorAsync(int mentorId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.MentorsAndStaff, $"application cases waiting for mentor {mentorId}");
        if (!user.SeesEverything && user.MentorId != mentorId)
            throw new AccessDeniedException($"application cases waiting for mentor {mentorId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var mentored = RecordAccess.ReviewableBy(db, mentorId);
        var waiting = await db.ApplicationEvents.AsNoTracking()
            .Where(a => a.Status == ApplicationCaseStatus.Pending && mentored.Any(e => e.Id == a.EnrollmentId))
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new { Case = a, a.Enrollment!.Learner!.EmployeeNumber, a.Enrollment.Learner.Name, a.Enrollment.Learner.NameEn })
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(w => w.Case.EnrollmentId).Distinct().ToList();
        var enrolments = (await EnrolmentsAsync(db, db.Enrollments.Where(e => ids.Contains(e.Id)), cancellationToken)).ToDictionary(e => e.EnrollmentId);
        return [.. waiting.Select(w =>
        {
            var enrolment = enrolments[w.Case.EnrollmentId];
            return new WaitingCase(Row(w.Case, enrolment, null, null), w.EmployeeNumber, w.Name, w.NameEn, enrolment.Counted, enrolment.WindowFirst, enrolment.WindowLast);
        })];
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // The checks of a learner's submission, in the order the learner can act on them: the fields, whose case it is, the day.
    private async Task<CaseEnrolment> CheckAsync(int learnerId, ApplicationCaseInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException(validation.Errors.ConvertAll(e => e.ErrorMessage));
        var enrollmentId = input.EnrollmentId!.Value;
        var user = await access.EnsureIsLearnerOfAsync(enrollmentId, cancellationToken);
        if (user.LearnerId != learnerId)
            throw new AccessDeniedException($"application cases of learner {learnerId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrolment = (await EnrolmentsAsync(db, db.Enrollments.Where(e => e.Id == enrollmentId), cancellationToken)).Single();
        var day = input.Day!.Value;
        if (day > Today)
            throw new DataValidationException(text["Err_Future", Day(day), Day(Today)]);
        // Applying what was learned comes after the training has begun (the import's rule too).
        if (day < enrolment.StartDate)
            throw new DataValidationException(text["Err_BeforeStart", Day(day), enrolment.CohortCode, Day(enrolment.StartDate)]);
        return enrolment;
    }

    private async Task<(ApplicationCaseRow Row, int CohortId)> ReviewAsync(int caseId, int expectedRevision, int mentorId, string? note, bool noteRequired,
        Action<ApplicationEvent> apply, CancellationToken cancellationToken)
    {
        var cleanNote = Clean(note);
        if (noteRequired && cleanNote is null)
            throw new DataValidationException(text["Val_NoteRequired"]);
        if (cleanNote?.Length > Bilingual.TextMaxLength)
            throw new DataValidationException(text["Val_NoteTooLong", Bilingual.TextMaxLength, cleanNote.Length]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApplicationEvents.Where(a => a.Id == caseId)
            .Select(a => new { a.EnrollmentId, a.Enrollment!.Learner!.Name, a.Enrollment.Learner.NameEn })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("application case", caseId);
        await access.EnsureCanReviewAsync(found.EnrollmentId, mentorId, cancellationToken);
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.Id == mentorId).Select(m => new { m.Name, m.NameEn }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("mentor", mentorId);
        var row = await db.ApplicationEvents.Include(a => a.ReviewedByMentor).SingleAsync(a => a.Id == caseId, cancellationToken);
        var learner = Bilingual.Pick(found.Name, found.NameEn);
        if (row.Status == ApplicationCaseStatus.Confirmed)
            throw new DataValidationException(row.ReviewedByMentor is { } by
                ? text["Err_AlreadyConfirmedBy", learner, Day(row.OccurredOn), Bilingual.Pick(by.Name, by.NameEn), Day(DateOnly.FromDateTime(row.ReviewedAt ?? DateTime.MinValue))]
                : text["Err_AlreadyConfirmed", learner, Day(row.OccurredOn)]);
        if (row.Status == ApplicationCaseStatus.NeedsMore && noteRequired)
            throw new DataValidationException(text["Err_AlreadyAsked", learner, Day(row.OccurredOn)]);
        if (row.Revision != expectedRevision)
            throw new ConcurrencyConflictException(text["Err_ReviewChanged", learner, Day(row.OccurredOn)]);
        apply(row);
        row.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        row.ReviewedByMentorId = mentorId;
        row.ReviewNote = cleanNote;
        await SaveAsync(db, row, cancellationToken, learner);
        var enrolment = (await EnrolmentsAsync(db, db.Enrollments.Where(e => e.Id == row.EnrollmentId), cancellationToken)).Single();
        return (Row(row, enrolment, mentor.Name, mentor.NameEn), enrolment.CohortId);
    }

    // The revision check above is the clear message; the concurrency token catches the edit that lands between it and the save.
    private async Task SaveAsync(TrainingDbContext db, ApplicationEvent row, CancellationToken cancellationToken, string? learner = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new ConcurrencyConflictException(learner is null
                ? text["Err_ChangedSinceOpened", Day(row.OccurredOn)]
                : text["Err_ReviewChanged", learner, Day(row.OccurredOn)], ex);
        }
    }

    // The enrollments with their cohort, tracking window (from the profile the cohort's scores use) and confirmed cases counted so far.
    private async Task<List<CaseEnrolment>> EnrolmentsAsync(TrainingDbContext db, IQueryable<Enrollment> enrollments, CancellationToken cancellationToken)
    {
        var rows = await enrollments.AsNoTracking()
            .Select(e => new
            {
                e.Id, e.CohortId, e.Cohort!.Code, e.Cohort.Name, e.Cohort.NameEn, e.Cohort.StartDate, e.Cohort.EndDate, e.Cohort.ProgramId, e.Cohort.ProfileVersionId,
                Confirmed = db.ApplicationEvents.Where(a => a.EnrollmentId == e.Id && a.Status == ApplicationCaseStatus.Confirmed).Select(a => a.OccurredOn).ToList(),
            })
            .ToListAsync(cancellationToken);
        var windows = new Dictionary<int, int>();
        var result = new List<CaseEnrolment>(rows.Count);
        foreach (var e in rows)
        {
            if (!windows.TryGetValue(e.CohortId, out var window))
            {
                var profile = await ProfileResolver.ResolveAsync(db, e.ProgramId, e.ProfileVersionId, cancellationToken);
                window = windows[e.CohortId] = profile?.ApplicationWindowDays ?? WeightProfile.Default.ApplicationWindowDays;
            }
            // The indicator's own count (none yet while the window is open and nothing counted reads as 0 here).
            var counted = IndicatorDerivation.ApplicationCount(e.Confirmed, e.EndDate, window, Today) ?? 0;
            result.Add(new CaseEnrolment(e.Id, e.CohortId, e.Code, e.Name, e.NameEn, e.StartDate, e.EndDate, window, counted));
        }
        return result;
    }

    private static ApplicationCaseRow Row(ApplicationEvent a, CaseEnrolment enrolment, string? reviewedBy, string? reviewedByEn) =>
        new(a.Id, a.Revision, a.EnrollmentId, enrolment.CohortCode, a.OccurredOn, a.Description, a.Result, a.Status, a.IsKeyEvent,
            a.SubmittedAt, a.ReviewedAt, reviewedBy, reviewedByEn, a.ReviewNote, enrolment.InWindow(a.OccurredOn));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
