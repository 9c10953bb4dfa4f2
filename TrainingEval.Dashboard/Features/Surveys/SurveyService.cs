using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Surveys;

/// <summary>An item as a form shows it; <see cref="Position"/> is its number (1 first).</summary>
public sealed record SurveyItemView(int Position, SurveyItemKind Kind, string Text, string? TextEn, IReadOnlyList<string> Options,
    IReadOnlyList<string> OptionsEn, bool Required)
{
    public string DisplayText(CultureInfo? culture = null) => Bilingual.Pick(Text, TextEn, culture);

    /// <summary>Option <paramref name="index"/> in the reader's language (the Chinese where no English was given).</summary>
    public string OptionText(int index, CultureInfo? culture = null) => Bilingual.Pick(Options[index], index < OptionsEn.Count ? OptionsEn[index] : null, culture);

    public static SurveyItemView Of(SurveyItem i) => new(i.Position, i.Kind, i.Text, i.TextEn, i.Options, i.OptionsEn, i.Required);
}

/// <summary>A survey's items for HR's editor, with how many responses it has (then the items are fixed).</summary>
public sealed record SurveyItemList(int SurveyId, string Code, string Name, string? NameEn, SurveyKind Kind, IReadOnlyList<SurveyItemView> Items, int Responses)
    : IBilingualName;

/// <summary>One survey of one of the learner's cohorts, open to answer or answered (<see cref="AnsweredAt"/>).</summary>
public sealed record LearnerSurvey(int SurveyId, int EnrollmentId, string CohortCode, SurveyKind Kind, string Name, string? NameEn, DateOnly OpenedOn,
    DateTime? AnsweredAt) : IBilingualName;

/// <summary>A follow-up a mentor has to answer about one of their mentees.</summary>
public sealed record MentorFollowUp(LearnerSurvey Survey, string EmployeeNumber, string LearnerName, string? LearnerNameEn);

/// <summary>How many of a survey's enrolments answered it (<see cref="Answered"/>, the learners' own) and, for a follow-up, how many mentors did.</summary>
public sealed record SurveyRate(int SurveyId, string Code, SurveyKind Kind, string Name, string? NameEn, DateOnly OpenedOn, int Enrolments, int Answered, int? MentorAnswered)
    : IBilingualName
{
    public static double? Rate(int answered, int enrolments) => enrolments == 0 ? null : (double)answered / enrolments;
}

/// <summary>What a reminder run wrote: entries for learners and for mentors, and how many were skipped (reminded in the last day).</summary>
public sealed record ReminderResult(int Learners, int Mentors, int AlreadyReminded)
{
    public int Sent => Learners + Mentors;
}

/// <summary>What the learner's form shows: the survey and its items.</summary>
public sealed record SurveyForm(LearnerSurvey Survey, IReadOnlyList<SurveyItemView> Items);

/// <summary>
/// Surveys built and answered in the app (issue 17 item 1). HR (staff) gives a survey its items — from a template of
/// <see cref="SurveyTemplates"/> or by hand — as long as nobody answered it (the answers are by item, so the list is fixed
/// then). A learner answers an open survey of their own cohort once; the response is saved in one save of an audited row,
/// its 1–5 ratings in <see cref="SurveyResponse.ItemScores"/> as an imported response's are, and the learner is rescored
/// at once, so a reaction survey's answer shows in <c>satisfaction</c> and the Reaction level live.
/// </summary>
public sealed class SurveyService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    IRecordAccess access,
    IValidator<SurveyItemsInput> itemsValidator,
    IValidator<SurveyAnswerSheet> answersValidator,
    IStringLocalizer<SurveyStrings> text,
    TimeProvider clock)
{
    /// <summary>The survey's items for HR, by position.</summary>
    public async Task<SurveyItemList> ItemsAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"items of survey {surveyId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
            ?? throw new RecordNotFoundException("survey", surveyId);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        return new(survey.Id, survey.Code, survey.Name, survey.NameEn, survey.Kind, [.. survey.Items.OrderBy(i => i.Position).Select(SurveyItemView.Of)], responses);
    }

    /// <summary>
    /// Replaces the survey's items by <paramref name="items"/> (their order is the positions) and sets its item count to the
    /// number of 1–5 items, in one save.
    /// </summary>
    /// <exception cref="DataValidationException">An item breaks a rule, or the survey has responses already (its items are fixed then).</exception>
    public async Task<SurveyItemList> SaveItemsAsync(int surveyId, IReadOnlyList<SurveyItemInput> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await access.EnsureInRoleAsync(Roles.Staff, $"items of survey {surveyId}");
        var validation = await itemsValidator.ValidateAsync(new SurveyItemsInput(items), cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException(validation.Errors.ConvertAll(e => e.ErrorMessage));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
            ?? throw new RecordNotFoundException("survey", surveyId);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        if (responses > 0)
            throw new DataValidationException(text["Err_ItemsFixed", survey.Code, responses]);
        db.SurveyItems.RemoveRange(survey.Items);
        // The old rows go first: positions are unique in a survey, and the new list reuses them.
        await db.SaveChangesAsync(cancellationToken);
        survey.Items = [.. items.Select((item, i) => new SurveyItem
        {
            Position = i + 1,
            Kind = item.Kind,
            Text = item.Text!.Trim(),
            TextEn = Clean(item.TextEn),
            Options = item.Kind == SurveyItemKind.SingleChoice ? [.. item.OptionList] : [],
            OptionsEn = item.Kind == SurveyItemKind.SingleChoice ? [.. item.OptionEnList] : [],
            Required = item.Required,
        })];
        survey.ItemCount = items.Count(i => i.Kind == SurveyItemKind.Likert);
        await db.SaveChangesAsync(cancellationToken);
        return new(survey.Id, survey.Code, survey.Name, survey.NameEn, survey.Kind, [.. survey.Items.Select(SurveyItemView.Of)], 0);
    }

    /// <summary>
    /// The learner's surveys: those of their cohorts that are open (opened on or before today) and have items to answer in
    /// the app, not yet answered, first (oldest first); then those answered, latest first.
    /// </summary>
    public async Task<IReadOnlyList<LearnerSurvey>> ForLearnerAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var enrolments = await db.Enrollments.AsNoTracking().Where(e => e.LearnerId == learnerId)
            .Select(e => new { e.Id, e.CohortId, e.Cohort!.Code }).ToListAsync(cancellationToken);
        var cohortIds = enrolments.Select(e => e.CohortId).Distinct().ToList();
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var cohortSurveys = await db.Surveys.AsNoTracking().Where(s => cohortIds.Contains(s.CohortId))
            .Select(s => new { s.Id, s.CohortId, s.Kind, s.Name, s.NameEn, s.OpenedOn, HasItems = s.Items.Any() }).ToListAsync(cancellationToken);
        var answered = (await db.SurveyResponses.AsNoTracking()
                .Where(r => enrolmentIds.Contains(r.EnrollmentId) && r.Respondent == SurveyRespondent.Learner)
                .Select(r => new { r.SurveyId, r.EnrollmentId, r.SubmittedAt }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.SurveyId, r.EnrollmentId), r => r.SubmittedAt);
        var surveys = (from e in enrolments
                       join s in cohortSurveys on e.CohortId equals s.CohortId
                       let at = answered.TryGetValue((s.Id, e.Id), out var when) ? when : (DateTime?)null
                       where at != null || (s.HasItems && s.OpenedOn <= today)
                       select new LearnerSurvey(s.Id, e.Id, e.Code, s.Kind, s.Name, s.NameEn, s.OpenedOn, at)).ToList();
        return [.. surveys.Where(s => s.AnsweredAt is null).OrderBy(s => s.OpenedOn).ThenBy(s => s.SurveyId),
            .. surveys.Where(s => s.AnsweredAt is not null).OrderByDescending(s => s.AnsweredAt).ThenBy(s => s.SurveyId)];
    }

    /// <summary>The survey's form for learner <paramref name="learnerId"/> in their enrollment <paramref name="enrollmentId"/>.</summary>
    /// <exception cref="AccessDeniedException">The signed-in user is not that learner, or the enrollment is not theirs.</exception>
    public async Task<SurveyForm> FormAsync(int learnerId, int enrollmentId, int surveyId, CancellationToken cancellationToken = default)
    {
        await EnsureOwnAsync(learnerId, enrollmentId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (survey, answeredAt) = await SurveyOfAsync(db, enrollmentId, surveyId, SurveyRespondent.Learner, cancellationToken);
        return Form(survey, enrollmentId, answeredAt);
    }

    /// <summary>
    /// Saves learner <paramref name="learnerId"/>'s answers (one per item, in item order) to a survey of their enrollment
    /// <paramref name="enrollmentId"/>, then rescores the learner. Free text is kept as written (trimmed); pages show it as text.
    /// </summary>
    /// <exception cref="AccessDeniedException">Someone answers for another learner (staff included: answers are the learner's own).</exception>
    /// <exception cref="DataValidationException">The survey is not open or not answerable here, was answered already, or an answer breaks a rule.</exception>
    public async Task<LearnerSurvey> SubmitAsync(int learnerId, int enrollmentId, int surveyId, IReadOnlyList<SurveyAnswerInput> answers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        await EnsureOwnAsync(learnerId, enrollmentId, cancellationToken);
        return await SaveAsync(SurveyRespondent.Learner, enrollmentId, surveyId, answers, cancellationToken);
    }

    /// <summary>
    /// The follow-ups mentor <paramref name="mentorId"/> has to answer about their mentees (the other view, beside the
    /// learner's own): open follow-up surveys with items of their mentees' cohorts (enrolments they are the mentor of,
    /// withdrawn left out) that no mentor answered yet for that learner; oldest first, then by learner.
    /// </summary>
    public async Task<IReadOnlyList<MentorFollowUp>> DueForMentorAsync(int mentorId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.MentorsAndStaff, $"follow-ups due for mentor {mentorId}");
        if (!user.SeesEverything && user.MentorId != mentorId)
            throw new AccessDeniedException($"follow-ups due for mentor {mentorId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        // The mentor's own mentees (the enrolment's mentor), not every learner of a cohort they co-mentor: the other view is theirs to give.
        var mentees = await db.Enrollments.AsNoTracking().Where(e => e.MentorId == mentorId && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new { e.Id, e.CohortId, e.Cohort!.Code, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn }).ToListAsync(cancellationToken);
        var cohortIds = mentees.Select(e => e.CohortId).Distinct().ToList();
        var followUps = await db.Surveys.AsNoTracking()
            .Where(s => cohortIds.Contains(s.CohortId) && s.Kind == SurveyKind.FollowUp && s.OpenedOn <= today && s.Items.Any())
            .Select(s => new { s.Id, s.CohortId, s.Kind, s.Name, s.NameEn, s.OpenedOn }).ToListAsync(cancellationToken);
        var surveyIds = followUps.Select(s => s.Id).ToList();
        var done = (await db.SurveyResponses.AsNoTracking().Where(r => surveyIds.Contains(r.SurveyId) && r.Respondent == SurveyRespondent.Mentor)
            .Select(r => new { r.SurveyId, r.EnrollmentId }).ToListAsync(cancellationToken)).Select(r => (r.SurveyId, r.EnrollmentId)).ToHashSet();
        return [.. (from e in mentees
                    join s in followUps on e.CohortId equals s.CohortId
                    where !done.Contains((s.Id, e.Id))
                    orderby s.OpenedOn, s.Id, e.EmployeeNumber
                    select new MentorFollowUp(new LearnerSurvey(s.Id, e.Id, e.Code, s.Kind, s.Name, s.NameEn, s.OpenedOn, null), e.EmployeeNumber, e.Name, e.NameEn))];
    }

    /// <summary>The follow-up's form for mentor <paramref name="mentorId"/> answering about the learner of <paramref name="enrollmentId"/>.</summary>
    public async Task<SurveyForm> FormForMentorAsync(int mentorId, int enrollmentId, int surveyId, CancellationToken cancellationToken = default)
    {
        await EnsureMentorAsync(mentorId, enrollmentId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (survey, answeredAt) = await SurveyOfAsync(db, enrollmentId, surveyId, SurveyRespondent.Mentor, cancellationToken);
        return Form(survey, enrollmentId, answeredAt);
    }

    /// <summary>Saves mentor <paramref name="mentorId"/>'s answers about the learner of <paramref name="enrollmentId"/> to a follow-up, then rescores the learner.</summary>
    /// <exception cref="AccessDeniedException">The signed-in user is not that mentor, or does not review that learner.</exception>
    /// <exception cref="DataValidationException">Not a follow-up, not open, answered by a mentor already, or an answer breaks a rule.</exception>
    public async Task<LearnerSurvey> SubmitAsMentorAsync(int mentorId, int enrollmentId, int surveyId, IReadOnlyList<SurveyAnswerInput> answers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        await EnsureMentorAsync(mentorId, enrollmentId, cancellationToken);
        return await SaveAsync(SurveyRespondent.Mentor, enrollmentId, surveyId, answers, cancellationToken);
    }

    /// <summary>
    /// The response rate of each of the cohort's surveys (by opening day): responses over the cohort's enrolments that are
    /// not withdrawn (enrolments, not people: spec section 9), the learners' own and — for a follow-up — their mentors' apart.
    /// </summary>
    public async Task<IReadOnlyList<SurveyRate>> ResponseRatesAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counted = db.Enrollments.Where(e => e.CohortId == cohortId && e.Status != EnrollmentStatus.Withdrawn);
        var enrolments = await counted.CountAsync(cancellationToken);
        var rows = await db.Surveys.AsNoTracking().Where(s => s.CohortId == cohortId)
            .Select(s => new
            {
                s.Id, s.Code, s.Kind, s.Name, s.NameEn, s.OpenedOn,
                Learners = db.SurveyResponses.Count(r => r.SurveyId == s.Id && r.Respondent == SurveyRespondent.Learner && counted.Any(e => e.Id == r.EnrollmentId)),
                Mentors = db.SurveyResponses.Count(r => r.SurveyId == s.Id && r.Respondent == SurveyRespondent.Mentor && counted.Any(e => e.Id == r.EnrollmentId)),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.OpenedOn).ThenBy(r => r.Id)
            .Select(r => new SurveyRate(r.Id, r.Code, r.Kind, r.Name, r.NameEn, r.OpenedOn, enrolments, r.Learners, r.Kind == SurveyKind.FollowUp ? r.Mentors : null))];
    }

    /// <summary>
    /// Reminds those who have not answered an open survey, in the notification centre: one entry per learner of the cohort
    /// (withdrawn enrolments left out) without an answer of their own and, for a follow-up, one per enrolment mentor with a
    /// mentee they have not answered about. Whoever was reminded of this survey in the last 24 hours is skipped and counted.
    /// One save.
    /// </summary>
    /// <exception cref="DataValidationException">The survey is not open yet or has no items to answer in the app.</exception>
    public async Task<ReminderResult> RemindAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"reminders of survey {surveyId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == surveyId)
            .Select(s => new { s.Id, s.CohortId, s.Kind, s.Name, s.NameEn, s.OpenedOn, HasItems = s.Items.Any() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("survey", surveyId);
        var name = Bilingual.Pick(survey.Name, survey.NameEn);
        if (survey.OpenedOn > Today)
            throw new DataValidationException(text["Err_RemindNotOpen", name, Day(survey.OpenedOn)]);
        if (!survey.HasItems)
            throw new DataValidationException(text["Err_NoItems", name]);
        var enrolments = await db.Enrollments.AsNoTracking().Where(e => e.CohortId == survey.CohortId && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new { e.Id, e.LearnerId, e.MentorId }).ToListAsync(cancellationToken);
        var answered = (await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.EnrollmentId, r.Respondent }).ToListAsync(cancellationToken)).Select(r => (r.EnrollmentId, r.Respondent)).ToHashSet();
        var learners = enrolments.Where(e => !answered.Contains((e.Id, SurveyRespondent.Learner))).Select(e => e.LearnerId).Distinct().ToList();
        var mentors = survey.Kind == SurveyKind.FollowUp
            ? enrolments.Where(e => e.MentorId is not null && !answered.Contains((e.Id, SurveyRespondent.Mentor))).Select(e => e.MentorId!.Value).Distinct().ToList()
            : [];

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        var recent = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.SurveyReminder && n.SurveyId == surveyId && n.CreatedAt > since)
            .Select(n => new { n.LearnerId, n.MentorId }).ToListAsync(cancellationToken);
        var remindedLearners = recent.Where(n => n.LearnerId is not null).Select(n => n.LearnerId!.Value).ToHashSet();
        var remindedMentors = recent.Where(n => n.MentorId is not null).Select(n => n.MentorId!.Value).ToHashSet();
        var week = Domain.Comparisons.IsoWeek.Of(DateOnly.FromDateTime(now));
        var toLearners = learners.Where(l => !remindedLearners.Contains(l)).ToList();
        var toMentors = mentors.Where(m => !remindedMentors.Contains(m)).ToList();
        db.Notifications.AddRange(toLearners.Select(l => new Notification
        {
            Kind = NotificationKind.SurveyReminder, LearnerId = l, SurveyId = surveyId, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = now,
        }));
        db.Notifications.AddRange(toMentors.Select(m => new Notification
        {
            Kind = NotificationKind.SurveyReminder, MentorId = m, SurveyId = surveyId, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return new ReminderResult(toLearners.Count, toMentors.Count, learners.Count - toLearners.Count + mentors.Count - toMentors.Count);
    }

    /// <summary>
    /// Whether the cohort's profile scores follow-ups (<see cref="FollowUpSurveys.Scores"/>): the survey panel says plainly
    /// when it does not, and how to make it.
    /// </summary>
    public async Task<bool> FollowUpsScoredAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var id = await db.Cohorts.Where(c => c.CodeKey == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
            return false;
        var version = await ProfileResolver.ResolveAsync(db, id.Value, cancellationToken);
        var profile = version?.ToDomain() ?? WeightProfile.Default;
        return FollowUpSurveys.Scores(profile.Find(FollowUpSurveys.IndicatorCode));
    }

    // The checks and the one save of a response, the learner's or a mentor's; then the learner is rescored.
    private async Task<LearnerSurvey> SaveAsync(SurveyRespondent respondent, int enrollmentId, int surveyId, IReadOnlyList<SurveyAnswerInput> answers,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (survey, answeredAt) = await SurveyOfAsync(db, enrollmentId, surveyId, respondent, cancellationToken);
        var form = Form(survey, enrollmentId, answeredAt);
        if (respondent == SurveyRespondent.Mentor && survey.Kind != SurveyKind.FollowUp)
            throw new DataValidationException(text["Err_MentorFollowUpOnly", form.Survey.DisplayName()]);
        if (answeredAt is { } at)
            throw new DataValidationException(Answered(respondent, form.Survey, at));
        if (survey.OpenedOn > Today)
            throw new DataValidationException(text["Err_NotOpen", form.Survey.DisplayName(), Day(survey.OpenedOn)]);
        if (form.Items.Count == 0)
            throw new DataValidationException(text["Err_NoItems", form.Survey.DisplayName()]);
        var validation = await answersValidator.ValidateAsync(new SurveyAnswerSheet(form.Items, answers), cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException(validation.Errors.ConvertAll(e => e.ErrorMessage));

        var now = clock.GetUtcNow().UtcDateTime;
        var pairs = form.Items.Zip(answers).ToList();
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = surveyId,
            EnrollmentId = enrollmentId,
            Respondent = respondent,
            SubmittedAt = now,
            ItemScores = [.. pairs.Where(p => p.First.Kind == SurveyItemKind.Likert).Select(p => p.Second.Rating)],
            Choices = [.. pairs.Select(p => p.First.Kind == SurveyItemKind.SingleChoice ? p.Second.Choice : null)],
            Texts = [.. pairs.Select(p => p.First.Kind == SurveyItemKind.FreeText ? Clean(p.Second.Text) : null)],
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException)
        {
            // A second submit that landed between the check above and this save (another tab): the first one stands.
            throw new DataValidationException(Answered(respondent, form.Survey, now));
        }
        // A reaction survey's answer is satisfaction (Reaction level), a follow-up's the follow_up indicator (Behavior): scores follow at once.
        await scores.RecomputeLearnersAsync(survey.CohortId, [enrollmentId], cancellationToken);
        return form.Survey with { AnsweredAt = now };
    }

    private string Answered(SurveyRespondent respondent, LearnerSurvey survey, DateTime at) => respondent == SurveyRespondent.Learner
        ? text["Err_AlreadyAnswered", survey.DisplayName(), Day(DateOnly.FromDateTime(at))]
        : text["Err_MentorAlreadyAnswered", survey.DisplayName(), Day(DateOnly.FromDateTime(at))];

    // A mentor answers as themselves (staff do not answer in a mentor's name) about a learner they review.
    private async Task EnsureMentorAsync(int mentorId, int enrollmentId, CancellationToken cancellationToken)
    {
        var user = await access.EnsureCanReviewAsync(enrollmentId, mentorId, cancellationToken);
        if (user.MentorId != mentorId)
            throw new AccessDeniedException($"follow-up answers of mentor {mentorId}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // Answers are the learner's own: only the learner of the enrollment, in their own name (pages say Err_NotYours).
    private async Task EnsureOwnAsync(int learnerId, int enrollmentId, CancellationToken cancellationToken)
    {
        var user = await access.EnsureIsLearnerOfAsync(enrollmentId, cancellationToken);
        if (user.LearnerId != learnerId)
            throw new AccessDeniedException($"survey answers of learner {learnerId}");
    }

    private async Task<(SatisfactionSurvey Survey, DateTime? AnsweredAt)> SurveyOfAsync(TrainingDbContext db, int enrollmentId, int surveyId,
        SurveyRespondent respondent, CancellationToken cancellationToken)
    {
        var cohortId = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => e.CohortId).SingleAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Items).Include(s => s.Cohort)
            .FirstOrDefaultAsync(s => s.Id == surveyId && s.CohortId == cohortId, cancellationToken)
            ?? throw new DataValidationException(text["Err_NotYourCohort", surveyId]);
        var answeredAt = await db.SurveyResponses.Where(r => r.SurveyId == surveyId && r.EnrollmentId == enrollmentId && r.Respondent == respondent)
            .Select(r => (DateTime?)r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        return (survey, answeredAt);
    }

    private static SurveyForm Form(SatisfactionSurvey s, int enrollmentId, DateTime? answeredAt) =>
        new(new LearnerSurvey(s.Id, enrollmentId, s.Cohort!.Code, s.Kind, s.Name, s.NameEn, s.OpenedOn, answeredAt),
            [.. s.Items.OrderBy(i => i.Position).Select(SurveyItemView.Of)]);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
