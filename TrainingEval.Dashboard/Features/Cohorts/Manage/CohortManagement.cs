using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Plans;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>A cohort as the management page shows it: the form's values, its status by the one status rule, and what depends on it.</summary>
public sealed record CohortForEdit(int Id, int Revision, CohortInput Input, CohortStatus Status, DateTime? ClosedAt, int Enrolments, string ProgramName);

/// <summary>A program or mentor to choose from: its code and name in the reader's language.</summary>
public sealed record Choice(string Code, string Name);

/// <summary>
/// Creates and edits cohorts, their evaluation plan and mentors, and closes and deletes them, for HR. Every create and edit
/// is a row of the cohorts import (<see cref="ImportService.WriteRowsAsync"/>): its checks (dates in order, an existing
/// program, known mentors), upsert, audit and rescoring (moved dates and a changed plan rescore). Creating refuses a code in
/// use. Closing is <see cref="CohortLifecycleService.CloseAsync"/> (it freezes the profile version). A cohort with
/// enrolments is never deleted: its learners' records would go with it.
/// </summary>
public sealed class CohortManagement(ImportService import, CohortLifecycleService lifecycle, IDbContextFactory<TrainingDbContext> factory, TimeProvider clock, IRecordAccess access)
{
    public const string Source = "cohort form";

    public async Task<CohortForEdit?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {code}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(code);
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).Include(c => c.Mentors).ThenInclude(m => m.Mentor)
            .FirstOrDefaultAsync(c => c.CodeKey == key, cancellationToken);
        if (cohort is null)
            return null;
        var plan = EvaluationPlans.Explicit(cohort.TrackedKinds);
        var input = new CohortInput
        {
            Code = cohort.Code, ProgramCode = cohort.Program!.Code, Name = cohort.Name, NameEn = cohort.NameEn,
            StartDate = cohort.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = cohort.EndDate.ToDateTime(TimeOnly.MinValue),
            ExplicitPlan = plan is not null, Tracked = plan is null ? [] : [.. plan.Tracked],
            Mentors = [.. cohort.Mentors.OrderByDescending(m => m.IsLead).ThenBy(m => m.MentorId).Select(m => m.Mentor!.EmployeeNumber)],
        };
        var enrolments = await db.Enrollments.CountAsync(e => e.CohortId == cohort.Id, cancellationToken);
        var today = StoredScores.Today(clock);
        return new CohortForEdit(cohort.Id, cohort.Revision, input, CohortStatuses.Of(cohort.StartDate, cohort.EndDate, cohort.IsClosed, today), cohort.ClosedAt,
            enrolments, cohort.Program.DisplayName());
    }

    public async Task<IReadOnlyList<Choice>> ProgramsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "programs");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        return [.. programs.Select(p => new Choice(p.Code, p.DisplayName()))];
    }

    public async Task<IReadOnlyList<Choice>> MentorsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "mentors");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var mentors = await db.Mentors.AsNoTracking().OrderBy(m => m.EmployeeNumber).ToListAsync(cancellationToken);
        return [.. mentors.Select(m => new Choice(m.EmployeeNumber, m.DisplayName()))];
    }

    /// <summary>Creates (<paramref name="creating"/>) or updates the cohort; errors in the import's catalogue, nothing written when there is one.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveAsync(CohortInput input, bool creating, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new Dictionary<string, string?>
        {
            [CohortCode] = input.Code, [ProgramCode] = input.ProgramCode, [Name] = input.Name, [NameEn] = input.NameEn,
            [StartDate] = Cell(input.StartDate), [EndDate] = Cell(input.EndDate), [Tracks] = input.TracksCell, [Mentors] = input.MentorsCell,
        };
        var result = await import.WriteRowsAsync(ImportKind.Cohorts, [row], Source, creating ? (db, ct) => RefuseExistingAsync(db, input.Code, ct) : null, cancellationToken);
        return result.Errors;
    }

    /// <summary>Closes the cohort: HR's decision, which freezes the profile version its official scores use.</summary>
    /// <exception cref="DataWriteException">Already closed, or changed by someone else since <paramref name="revision"/>.</exception>
    public Task CloseAsync(int cohortId, int revision, CancellationToken cancellationToken = default) => lifecycle.CloseAsync(cohortId, revision, cancellationToken);

    /// <summary>Deletes a cohort nobody is enrolled in (its sessions, assignments, assessments and surveys go with it); otherwise refuses.</summary>
    public async Task<IReadOnlyList<ImportError>> DeleteAsync(string code, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {code}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = NaturalKey.Of(code);
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.CodeKey == key, cancellationToken);
        if (cohort is null)
            return [new ImportError(0, CohortCode, code, ImportMessages.UnknownCohort, [code])];
        var enrolments = await db.Enrollments.CountAsync(e => e.CohortId == cohort.Id, cancellationToken);
        if (enrolments > 0)
            return [new ImportError(0, CohortCode, code, ImportMessages.CohortHasEnrolments, [cohort.Code, enrolments.ToString(System.Globalization.CultureInfo.InvariantCulture)])];
        db.Cohorts.Remove(cohort);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private static string? Cell(DateTime? day) =>
        day?.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<ImportError>> RefuseExistingAsync(TrainingDbContext db, string code, CancellationToken cancellationToken)
    {
        var key = NaturalKey.Of(code);
        var existing = await db.Cohorts.Where(c => c.CodeKey == key).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        return existing is null ? [] : [new ImportError(2, CohortCode, code, ImportMessages.CohortExists, [existing])];
    }
}
