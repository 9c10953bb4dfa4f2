using TrainingEval.Domain.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>A question of the bank as the page lists it; <see cref="InUse"/> when an attempt drew it (it cannot be deleted then).</summary>
public sealed record BankQuestion(ExamQuestion Question, bool InUse);

/// <summary>A program's question bank: its name and questions (newest first).</summary>
public sealed record QuestionBank(int ProgramId, string ProgramCode, string ProgramName, string? ProgramNameEn, IReadOnlyList<BankQuestion> Questions);

/// <summary>
/// The question bank of a program (题库, issue 17 item 2): HR (admins, analysts) and the trainers of the program's cohorts
/// list, add, edit and delete its questions. A question an attempt has drawn stays — the attempt's paper and answers refer
/// to it, and the item analysis reads it — so deleting it is refused with the reason. Every write is one save of an audited row.
/// </summary>
public sealed class QuestionBankService(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    IValidator<ExamQuestionInput> validator,
    IStringLocalizer<ExamStrings> text)
{
    /// <summary>The bank of the program with code <paramref name="programCode"/>; null when there is no such program.</summary>
    public async Task<QuestionBank?> BankAsync(string programCode, CancellationToken cancellationToken = default)
    {
        var key = NaturalKey.Of(programCode);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.AsNoTracking().Where(p => p.CodeKey == key).Select(p => new { p.Id, p.Code, p.Name, p.NameEn })
            .FirstOrDefaultAsync(cancellationToken);
        if (program is null)
            return null;
        var programId = program.Id;
        await EnsureCanEditBankAsync(programId, cancellationToken);
        var questions = await db.ExamQuestions.AsNoTracking().Where(q => q.ProgramId == programId)
            .OrderByDescending(q => q.Id).ToListAsync(cancellationToken);
        var ids = questions.ConvertAll(q => q.Id);
        var inUse = await UsedAsync(db, ids, cancellationToken);
        return new QuestionBank(programId, program.Code, program.Name, program.NameEn, [.. questions.Select(q => new BankQuestion(q, inUse.Contains(q.Id)))]);
    }

    /// <summary>Adds a question to the bank of <paramref name="programId"/>, or edits question <paramref name="questionId"/> of it.</summary>
    /// <exception cref="DataValidationException">A field is missing or wrong (the messages say which and why).</exception>
    /// <exception cref="ConcurrencyConflictException">The question changed since the form opened it.</exception>
    public async Task<ExamQuestion> SaveAsync(int programId, int? questionId, int expectedRevision, ExamQuestionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException([.. validation.Errors.Select(e => e.ErrorMessage).Distinct()]);
        await EnsureCanEditBankAsync(programId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        ExamQuestion row;
        if (questionId is { } id)
        {
            row = await db.ExamQuestions.FirstOrDefaultAsync(q => q.Id == id && q.ProgramId == programId, cancellationToken)
                ?? throw new RecordNotFoundException("exam question", id);
            if (row.Revision != expectedRevision)
                throw new ConcurrencyConflictException(text["Err_QuestionChanged", id]);
        }
        else
        {
            row = new ExamQuestion { ProgramId = programId, Text = "" };
            db.ExamQuestions.Add(row);
        }

        Apply(input, row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new ConcurrencyConflictException(text["Err_QuestionChanged", row.Id], ex);
        }
        return row;
    }

    /// <summary>Deletes a question nobody has drawn in an attempt.</summary>
    /// <exception cref="DataValidationException">An attempt drew the question (its answers and results refer to it).</exception>
    public async Task DeleteAsync(int programId, int questionId, CancellationToken cancellationToken = default)
    {
        await EnsureCanEditBankAsync(programId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ExamQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.ProgramId == programId, cancellationToken)
            ?? throw new RecordNotFoundException("exam question", questionId);
        var attempts = await db.ExamAttempts.CountAsync(a => a.QuestionIds.Contains(questionId), cancellationToken);
        if (attempts > 0)
            throw new DataValidationException(text["Err_QuestionInUse", Excerpt(row.Text), attempts]);
        db.ExamQuestions.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>HR, or a trainer of one of the program's cohorts.</summary>
    public async Task EnsureCanEditBankAsync(int programId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.TrainersAndStaff, $"question bank of program {programId}");
        if (user.SeesEverything)
            return;
        var trained = await access.TrainedCohortIdsAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Cohorts.AnyAsync(c => c.ProgramId == programId && trained.Contains(c.Id), cancellationToken))
            throw new AccessDeniedException($"question bank of program {programId}");
    }

    private static async Task<HashSet<int>> UsedAsync(TrainingDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];
        var drawn = await db.ExamAttempts.AsNoTracking().Where(a => a.QuestionIds.Any(q => ids.Contains(q)))
            .Select(a => a.QuestionIds).ToListAsync(cancellationToken);
        return [.. drawn.SelectMany(d => d).Where(ids.Contains)];
    }

    private static void Apply(ExamQuestionInput input, ExamQuestion row)
    {
        row.Kind = input.Kind;
        row.Text = input.Text!.Trim();
        row.TextEn = string.IsNullOrWhiteSpace(input.TextEn) ? null : input.TextEn.Trim();
        row.Options = input.HasOptions ? input.OptionList : [];
        row.OptionsEn = input.HasOptions ? input.OptionEnList : [];
        row.CorrectOptions = input.HasCorrectOptions ? [.. input.CorrectList!.Select(n => n - 1).Order()] : [];
        row.CorrectNumber = input.Kind == Domain.Exams.ExamQuestionKind.Numeric ? input.CorrectNumber : null;
        row.Tolerance = input.Kind == Domain.Exams.ExamQuestionKind.Numeric ? input.Tolerance : 0;
        row.Points = input.Points;
        row.Difficulty = input.Difficulty;
        row.Tags = input.TagList;
    }

    private static string Excerpt(string value) => value.Length <= 30 ? value : value[..30] + "…";
}
