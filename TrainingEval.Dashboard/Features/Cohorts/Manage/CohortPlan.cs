using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Plans;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>An assessment of a cohort as the manage page lists it, with how many results it has.</summary>
public sealed record AssessmentRow(int Id, string Code, AssessmentKind Kind, string Name, string? NameEn, DateOnly HeldOn, double MaxScore, double? PracticalMaxScore,
    double PassLine, AssessmentDifficulty Difficulty, int Results) : IBilingualName;

/// <summary>A survey of a cohort as the manage page lists it, with how many learners answered it.</summary>
/// <remarks><see cref="Items"/> counts the 1–5 ratings of a response; <see cref="ItemTexts"/> the items built in the app (0 for an imported survey).</remarks>
public sealed record SurveyRow(int Id, string Code, SurveyKind Kind, string Name, string? NameEn, DateOnly OpenedOn, int Items, int Responses, int ItemTexts = 0) : IBilingualName;

/// <summary>Whether the cohort's evaluation plan tracks assessments and surveys, and whether a plan was set (else the records decide).</summary>
public sealed record PlanTracking(bool Assessments, bool Surveys, bool IsExplicit);

/// <summary>
/// The assessments and surveys a cohort's evaluation plan uses, for HR on the cohort's manage page. Adding and editing are
/// rows of the assessments and surveys imports (<see cref="ImportService.WriteRowsAsync"/>): their checks (a date that fits
/// the kind and the cohort's run, a pass line 0–100, 1–100 items), messages, audit and rescoring are the only rules. The form
/// adds, in the same transaction, what only it knows: adding refuses a code the cohort has (an import would update that
/// one), editing refuses one someone removed meanwhile (an import would create it again) and taking away a practical part
/// (the import never removes one). The code is the key, fixed once created. The import never deletes: removing is this
/// service's own, in one transaction, audited (both entities are <see cref="IAudited"/>), then rescored as after an import
/// (<see cref="ImportService.RecomputeAsync"/>); an assessment with results or a survey with responses is kept.
/// </summary>
public sealed class CohortPlan(ImportService import, IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const string Source = "cohort plan";

    public async Task<IReadOnlyList<AssessmentRow>> ListAssessmentsAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var rows = await db.Assessments.AsNoTracking().Where(a => a.Cohort!.CodeKey == key)
            .Select(a => new AssessmentRow(a.Id, a.Code, a.Kind, a.Name, a.NameEn, a.HeldOn, a.MaxScore, a.PracticalMaxScore, a.PassLine, a.Difficulty,
                db.AssessmentResults.Count(r => r.AssessmentId == a.Id)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.HeldOn).ThenBy(r => NaturalKey.Of(r.Code), StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<SurveyRow>> ListSurveysAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var rows = await db.Surveys.AsNoTracking().Where(s => s.Cohort!.CodeKey == key)
            .Select(s => new SurveyRow(s.Id, s.Code, s.Kind, s.Name, s.NameEn, s.OpenedOn, s.ItemCount, db.SurveyResponses.Count(r => r.SurveyId == s.Id), s.Items.Count))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.OpenedOn).ThenBy(r => NaturalKey.Of(r.Code), StringComparer.Ordinal)];
    }

    /// <summary>What the cohort's plan says about assessments and surveys (<see cref="EvaluationPlans"/>, the one rule); null: no such cohort.</summary>
    public async Task<PlanTracking?> TrackingAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var id = await db.Cohorts.Where(c => c.CodeKey == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
            return null;
        var plan = await EvaluationPlans.LoadAsync(db, id.Value, cancellationToken);
        return new PlanTracking(plan.Tracks(RecordKind.Assessments), plan.Tracks(RecordKind.Surveys), plan.IsExplicit);
    }

    /// <summary>Adds (<paramref name="adding"/>: the code must be new in the cohort) or updates the assessment with this code.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveAssessmentAsync(string cohortCode, CohortAssessmentInput input, bool adding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = input.Code.Trim();
        var kind = AssessmentKinds.CodeOf(input.Kind);
        var heldOn = input.HeldOn is { } day ? Cell.Of(DateOnly.FromDateTime(day)) : null;
        var rows = new List<IReadOnlyDictionary<string, string?>>
        {
            new Dictionary<string, string?>
            {
                [CohortCode] = cohortCode, [AssessmentCode] = code, [Title] = input.Name, [TitleEn] = input.NameEn, [Kind] = kind,
                [Part] = AssessmentParts.CodeOf(AssessmentPart.Theory), [MaxScore] = Cell.Of(input.MaxScore), [PassLine] = Cell.Of(input.PassLine),
                [Difficulty] = Difficulties.CodeOf(input.Difficulty), [HeldOn] = heldOn,
            },
        };
        if (input.HasPractical)
        {
            rows.Add(new Dictionary<string, string?>
            {
                [CohortCode] = cohortCode, [AssessmentCode] = code, [Title] = input.Name, [Kind] = kind,
                [Part] = AssessmentParts.CodeOf(AssessmentPart.Practical), [MaxScore] = Cell.Of(input.PracticalMaxScore), [HeldOn] = heldOn,
            });
        }
        var result = await import.WriteRowsAsync(ImportKind.Assessments, rows, Source, (db, ct) => AssessmentGuardAsync(db, cohortCode, code, adding, input.HasPractical, ct), cancellationToken);
        return result.Errors;
    }

    /// <summary>Adds (<paramref name="adding"/>: the code must be new in the cohort) or updates the survey with this code.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveSurveyAsync(string cohortCode, CohortSurveyInput input, bool adding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = input.Code.Trim();
        var row = new Dictionary<string, string?>
        {
            [CohortCode] = cohortCode, [SurveyCode] = code, [Title] = input.Name, [TitleEn] = input.NameEn, [Kind] = SurveyKinds.CodeOf(input.Kind),
            [Items] = Cell.Of(input.Items), [OpenedOn] = input.OpenedOn is { } day ? Cell.Of(DateOnly.FromDateTime(day)) : null,
        };
        var result = await import.WriteRowsAsync(ImportKind.Surveys, [row], Source, (db, ct) => SurveyGuardAsync(db, cohortCode, code, adding, ct), cancellationToken);
        return result.Errors;
    }

    /// <summary>Removes the assessment unless it has results (refused, naming how many), then rescores the cohort and queues its health index.</summary>
    public async Task<IReadOnlyList<ImportError>> RemoveAssessmentAsync(string cohortCode, string assessmentCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (cohortKey, key) = (NaturalKey.Of(cohortCode), NaturalKey.Of(assessmentCode));
        var assessment = await db.Assessments.Include(a => a.Cohort).FirstOrDefaultAsync(a => a.Cohort!.CodeKey == cohortKey && a.CodeKey == key, cancellationToken);
        if (assessment is null)
            return [new ImportError(2, AssessmentCode, assessmentCode, ImportMessages.AssessmentGone, [assessmentCode, cohortCode])];
        var results = await db.AssessmentResults.CountAsync(r => r.AssessmentId == assessment.Id, cancellationToken);
        if (results > 0)
            return [new ImportError(2, AssessmentCode, assessment.Code, ImportMessages.AssessmentHasResults, [assessment.Code, assessment.Name, Cell.Of(results), assessment.Cohort!.Code])];
        db.Assessments.Remove(assessment);
        // As the assessments import marks a changed assessment: its cohort's scores and health index.
        HashSet<int> cohort = [assessment.CohortId];
        return await CommitAndRecomputeAsync(db, transaction, cohort, cohort, cancellationToken);
    }

    /// <summary>Removes the survey unless learners answered it (refused, naming how many), then rescores the cohort.</summary>
    public async Task<IReadOnlyList<ImportError>> RemoveSurveyAsync(string cohortCode, string surveyCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (cohortKey, key) = (NaturalKey.Of(cohortCode), NaturalKey.Of(surveyCode));
        var survey = await db.Surveys.Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Cohort!.CodeKey == cohortKey && s.CodeKey == key, cancellationToken);
        if (survey is null)
            return [new ImportError(2, SurveyCode, surveyCode, ImportMessages.SurveyGone, [surveyCode, cohortCode])];
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, cancellationToken);
        if (responses > 0)
            return [new ImportError(2, SurveyCode, survey.Code, ImportMessages.SurveyHasResponses, [survey.Code, survey.Name, Cell.Of(responses), survey.Cohort!.Code])];
        db.Surveys.Remove(survey);
        // Surveys feed scores only (reaction satisfaction), not the health index.
        return await CommitAndRecomputeAsync(db, transaction, [survey.CohortId], null, cancellationToken);
    }

    private async Task<IReadOnlyList<ImportError>> CommitAndRecomputeAsync(TrainingDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        HashSet<int> scores, HashSet<int>? health, CancellationToken cancellationToken)
    {
        // Marked with the removal, in its transaction, as an import marks: a crash before the rescore leaves the mark for start-up.
        await PendingRecomputes.MarkAsync(db, scores, health, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DataWriteException ex) when (ex is not DatabaseReadOnlyException)
        {
            return [new ImportError(0, "", null, ImportMessages.DatabaseRefused, [ex.Message])];
        }
        await transaction.CommitAsync(cancellationToken);
        await import.RecomputeAsync(scores, health, cancellationToken);
        return [];
    }

    private static async Task<IReadOnlyList<ImportError>> AssessmentGuardAsync(TrainingDbContext db, string cohortCode, string code, bool adding, bool hasPractical,
        CancellationToken cancellationToken)
    {
        var (cohortKey, key) = (NaturalKey.Of(cohortCode), NaturalKey.Of(code));
        var existing = await db.Assessments.Where(a => a.Cohort!.CodeKey == cohortKey && a.CodeKey == key)
            .Select(a => new { a.Code, Cohort = a.Cohort!.Code, a.PracticalMaxScore }).FirstOrDefaultAsync(cancellationToken);
        if (adding)
            return existing is null ? [] : [new ImportError(2, AssessmentCode, code, ImportMessages.AssessmentExists, [existing.Cohort, existing.Code])];
        if (existing is null)
            return [new ImportError(2, AssessmentCode, code, ImportMessages.AssessmentGone, [code, cohortCode])];
        return existing.PracticalMaxScore is { } practical && !hasPractical
            ? [new ImportError(3, MaxScore, null, ImportMessages.PracticalPartStays, [existing.Code, Cell.Of(practical)])]
            : [];
    }

    private static async Task<IReadOnlyList<ImportError>> SurveyGuardAsync(TrainingDbContext db, string cohortCode, string code, bool adding, CancellationToken cancellationToken)
    {
        var (cohortKey, key) = (NaturalKey.Of(cohortCode), NaturalKey.Of(code));
        var existing = await db.Surveys.Where(s => s.Cohort!.CodeKey == cohortKey && s.CodeKey == key)
            .Select(s => new { s.Code, Cohort = s.Cohort!.Code }).FirstOrDefaultAsync(cancellationToken);
        if (adding)
            return existing is null ? [] : [new ImportError(2, SurveyCode, code, ImportMessages.SurveyExists, [existing.Cohort, existing.Code])];
        return existing is null ? [new ImportError(2, SurveyCode, code, ImportMessages.SurveyGone, [code, cohortCode])] : [];
    }
}
