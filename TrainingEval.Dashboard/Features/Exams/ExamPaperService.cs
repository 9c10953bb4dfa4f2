using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>The assessment an exam paper belongs to, with the parts' maxima and pass line (they stay the assessment's).</summary>
public sealed record PaperAssessment(int Id, string Code, string Name, string? NameEn, AssessmentKind Kind, double MaxScore, double? PracticalMaxScore,
    double PassLine, int CohortId, string CohortCode, string CohortName, string? CohortNameEn, int ProgramId, string ProgramCode) : IBilingualName;

/// <summary>
/// An assessment's exam set-up: the assessment, its paper (null until set up), the program's bank to pick from and how many
/// questions of each difficulty it holds, and how many attempts were started (once one is, questions and rubric stay).
/// </summary>
public sealed record PaperSetup(PaperAssessment Assessment, ExamPaper? Paper, IReadOnlyList<ExamQuestion> Bank,
    IReadOnlyDictionary<AssessmentDifficulty, int> Available, int Attempts, bool MayAllowMoreAttempts);

/// <summary>
/// Sets up the exam paper of a cohort's assessment (issue 17 item 2): the theory questions (a fixed list from the program's
/// bank, or so many of each difficulty drawn per attempt), the practical rubric (criteria × points, only when the
/// assessment has a practical part), the time limit, the attempts allowed and whether learners may start. Staff and the
/// cohort's trainers set it up; only HR allows more than one attempt. Once an attempt has started, its questions and the
/// rubric are what learners answered and were graded on, so they can no longer change (the limit, attempts and opening can).
/// </summary>
public sealed class ExamPaperService(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    IValidator<ExamPaperInput> validator,
    IStringLocalizer<ExamStrings> text)
{
    /// <summary>The set-up of assessment <paramref name="assessmentCode"/> of cohort <paramref name="cohortCode"/>; null when either does not exist.</summary>
    public async Task<PaperSetup?> SetupAsync(string cohortCode, string assessmentCode, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohortKey = NaturalKey.Of(cohortCode);
        var key = NaturalKey.Of(assessmentCode);
        var id = await db.Assessments.Where(a => a.Cohort!.CodeKey == cohortKey && a.CodeKey == key).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await SetupAsync(found, cancellationToken) : null;
    }

    public async Task<PaperSetup> SetupAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentAsync(db, assessmentId, cancellationToken);
        var user = await access.EnsureCanRunCohortAsync(assessment.CohortId, cancellationToken);
        var paper = await db.ExamPapers.AsNoTracking().Include(p => p.Questions).Include(p => p.Criteria).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        var bank = await db.ExamQuestions.AsNoTracking().Where(q => q.ProgramId == assessment.ProgramId).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var attempts = await db.ExamAttempts.CountAsync(a => a.AssessmentId == assessmentId, cancellationToken);
        var available = Enum.GetValues<AssessmentDifficulty>().ToDictionary(d => d, d => bank.Count(q => q.Difficulty == d));
        return new PaperSetup(assessment, paper, bank, available, attempts, user.SeesEverything);
    }

    /// <summary>Saves the paper of assessment <paramref name="assessmentId"/> (creates it the first time).</summary>
    /// <exception cref="DataValidationException">A limit is out of range, a question is not in the program's bank, the bank holds too few questions of a difficulty, a rubric is given for an assessment without a practical part, or questions or rubric change after an attempt started.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the paper since the form opened it.</exception>
    public async Task SaveAsync(int assessmentId, int expectedRevision, ExamPaperInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException([.. validation.Errors.Select(e => e.ErrorMessage).Distinct()]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var assessment = await AssessmentAsync(db, assessmentId, cancellationToken);
        var user = await access.EnsureCanRunCohortAsync(assessment.CohortId, cancellationToken);
        var paper = await db.ExamPapers.Include(p => p.Questions).Include(p => p.Criteria).AsSplitQuery().FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        if (paper is not null && paper.Revision != expectedRevision)
            throw new ConcurrencyConflictException(text["Err_PaperChanged", assessment.Code]);
        var current = paper?.AttemptsAllowed ?? ExamPaper.DefaultAttemptsAllowed;
        // One attempt unless HR allows more: a trainer may keep what HR set, or lower it, but not raise it.
        if (!user.SeesEverything && input.AttemptsAllowed > Math.Max(current, ExamPaper.DefaultAttemptsAllowed))
            throw new DataValidationException(text["Err_AttemptsHrOnly", current]);

        var errors = new List<string>();
        var bank = await db.ExamQuestions.AsNoTracking().Where(q => q.ProgramId == assessment.ProgramId)
            .Select(q => new { q.Id, q.Difficulty }).ToListAsync(cancellationToken);
        var inBank = bank.Select(q => q.Id).ToHashSet();
        var questionIds = input.Selection == ExamSelection.Fixed ? input.QuestionIds.Distinct().ToList() : [];
        foreach (var id in questionIds.Where(id => !inBank.Contains(id)))
            errors.Add(text["Err_QuestionNotInBank", id, assessment.ProgramCode]);
        if (input.Selection == ExamSelection.RandomByDifficulty)
        {
            foreach (var level in Enum.GetValues<AssessmentDifficulty>())
            {
                var have = bank.Count(q => q.Difficulty == level);
                if (input.DrawCount(level) > have)
                    errors.Add(text["Err_NotEnoughQuestions", input.DrawCount(level), text[$"Difficulty_{level}"], have]);
            }
        }
        if (assessment.PracticalMaxScore is null && input.Criteria.Count > 0)
            errors.Add(text["Err_NoPracticalPart", assessment.Code]);
        var criteria = input.Criteria.Select(c => (Name: c.Name!.Trim(), NameEn: string.IsNullOrWhiteSpace(c.NameEn) ? null : c.NameEn.Trim(), c.Points)).ToList();
        if (paper is not null && await db.ExamAttempts.AnyAsync(a => a.AssessmentId == assessmentId, cancellationToken))
        {
            var sameQuestions = paper.Selection == input.Selection
                && paper.Questions.OrderBy(q => q.Sequence).Select(q => q.QuestionId).SequenceEqual(questionIds)
                && (input.Selection == ExamSelection.Fixed
                    || (paper.BasicCount, paper.IntermediateCount, paper.AdvancedCount) == (input.BasicCount, input.IntermediateCount, input.AdvancedCount));
            var sameRubric = paper.Criteria.OrderBy(c => c.Sequence).Select(c => (c.Name, c.NameEn, c.Points)).SequenceEqual(criteria);
            if (!sameQuestions || !sameRubric)
                errors.Add(text["Err_PaperInUse", assessment.Code]);
        }
        if (errors.Count > 0)
            throw new DataValidationException(errors);

        if (paper is null)
        {
            paper = new ExamPaper { AssessmentId = assessmentId };
            db.ExamPapers.Add(paper);
        }
        paper.TimeLimitMinutes = input.TimeLimitMinutes;
        paper.AttemptsAllowed = input.AttemptsAllowed;
        paper.Selection = input.Selection;
        paper.IsOpen = input.IsOpen;
        var random = input.Selection == ExamSelection.RandomByDifficulty;
        paper.BasicCount = random ? input.BasicCount : 0;
        paper.IntermediateCount = random ? input.IntermediateCount : 0;
        paper.AdvancedCount = random ? input.AdvancedCount : 0;
        if (!paper.Questions.Select(q => q.QuestionId).SequenceEqual(questionIds))
        {
            paper.Questions.Clear();
            paper.Questions.AddRange(questionIds.Select((id, i) => new ExamPaperQuestion { QuestionId = id, Sequence = i + 1 }));
        }
        if (!paper.Criteria.OrderBy(c => c.Sequence).Select(c => (c.Name, c.NameEn, c.Points)).SequenceEqual(criteria))
        {
            // Replaced whole (the orphans are deleted in the same save): criterion rows are few, and before any attempt no grade refers to them.
            paper.Criteria.Clear();
            paper.Criteria.AddRange(criteria.Select((c, i) => new ExamRubricCriterion { Name = c.Name, NameEn = c.NameEn, Points = c.Points, Sequence = i + 1 }));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new ConcurrencyConflictException(text["Err_PaperChanged", assessment.Code], ex);
        }
    }

    private static async Task<PaperAssessment> AssessmentAsync(TrainingDbContext db, int assessmentId, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new PaperAssessment(a.Id, a.Code, a.Name, a.NameEn, a.Kind, a.MaxScore, a.PracticalMaxScore, a.PassLine,
                a.CohortId, a.Cohort!.Code, a.Cohort.Name, a.Cohort.NameEn, a.Cohort.ProgramId, a.Cohort.Program!.Code))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("assessment", assessmentId);
}
