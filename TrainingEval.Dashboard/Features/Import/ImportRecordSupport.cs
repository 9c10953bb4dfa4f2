using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>Texts as the files and messages write them: invariant numbers, yyyy-MM-dd, HH:mm.</summary>
internal static class Cell
{
    public static string Of(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Of(TimeOnly value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A date alone when the time is <paramref name="dateOnlyAt"/> (as it was read), else date and time.</summary>
    public static string Of(DateTime value, TimeOnly? dateOnlyAt = null) =>
        dateOnlyAt is { } t && TimeOnly.FromDateTime(value) == t
            ? Of(DateOnly.FromDateTime(value))
            : value.ToString(value.Second == 0 ? "yyyy-MM-dd HH:mm" : DateTimeFormat, CultureInfo.InvariantCulture);

    public static string? Of(double? value) => value is { } v ? Of(v) : null;

    public static string? Of(DateOnly? value) => value is { } v ? Of(v) : null;

    public static string? Of(TimeOnly? value) => value is { } v ? Of(v) : null;
}

/// <summary>
/// The bridge from an input model's FluentValidation rules to the import's errors: each rule names its column, its
/// <see cref="ImportMessages"/> code and the message's arguments, so the page shows it in the reader's language and the
/// API in English, like every other import error.
/// </summary>
internal static class ImportValidation
{
    public sealed record Failure(string? Value, string[] Arguments);

    public static IRuleBuilderOptions<T, TProperty> Reports<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string column, string code,
        Func<T, TProperty, string?> value, Func<T, TProperty, string[]> arguments) =>
        rule.OverridePropertyName(column).WithErrorCode(code).WithState((t, p) => new Failure(value(t, p), arguments(t, p)));

    /// <summary>Runs the validator on one row; every failure is an error of that row. True when the row passed.</summary>
    public static bool Passes<T>(this IValidator<T> validator, T input, ImportContext import, int row)
    {
        var result = validator.Validate(input);
        foreach (var failure in result.Errors)
        {
            var state = (Failure)failure.CustomState;
            import.Error(row, failure.PropertyName, state.Value, failure.ErrorCode, state.Arguments);
        }
        return result.IsValid;
    }

    /// <summary>"1–5", "0–100", "≥ 0", as range texts read in every message.</summary>
    public static string Range(double min, double max) => $"{Cell.Of(min)}–{Cell.Of(max)}";
}

/// <summary>An enrollment as the import checks against it.</summary>
internal sealed record EnrolledLearner(int EnrollmentId, int LearnerId, int CohortId, string EmployeeNumber, int? MentorId);

/// <summary>
/// The cohorts, learners and enrollments a file refers to, looked up once in batches (<see cref="BatchedLookup"/>)
/// and then resolved row by row with the import's messages: unknown cohort, unknown learner, not enrolled.
/// </summary>
internal sealed class CohortReferences
{
    private readonly ImportContext _import;
    private Dictionary<string, Cohort> _cohorts = new(StringComparer.Ordinal);
    private Dictionary<(int CohortId, string EmployeeKey), EnrolledLearner> _enrollments = [];
    private HashSet<string> _learners = new(StringComparer.Ordinal);

    private CohortReferences(ImportContext import) => _import = import;

    /// <summary>Looks up the cohorts named and, when <paramref name="employees"/> are given, their enrollments and those learners.</summary>
    public static async Task<CohortReferences> LoadAsync(ImportContext import, IEnumerable<string> cohorts, IEnumerable<string>? employees, CancellationToken cancellationToken)
    {
        var references = new CohortReferences(import);
        var db = import.Db;
        references._cohorts = (await db.Cohorts.AsNoTracking().Include(c => c.Program).WhereInAsync(ImportCounting.Keys(cohorts), c => c.CodeKey, cancellationToken))
            .ToDictionary(c => c.CodeKey, StringComparer.Ordinal);
        if (employees is null)
            return references;
        var cohortIds = references._cohorts.Values.Select(c => c.Id).ToList();
        references._enrollments = (await db.Enrollments.AsNoTracking()
                .WhereInAsync(cohortIds, e => e.CohortId, e => new EnrolledLearner(e.Id, e.LearnerId, e.CohortId, e.Learner!.EmployeeNumberKey, e.MentorId ?? e.Learner.MentorId), cancellationToken))
            .ToDictionary(e => (e.CohortId, e.EmployeeNumber));
        var enrolled = references._enrollments.Keys.Select(k => k.EmployeeKey).ToHashSet(StringComparer.Ordinal);
        var others = ImportCounting.Keys(employees).Where(k => !enrolled.Contains(k)).ToList();
        references._learners = [.. enrolled, .. await db.Learners.Select(l => l.EmployeeNumberKey).WhereInAsync(others, k => k, cancellationToken)];
        return references;
    }

    public IEnumerable<Cohort> Cohorts => _cohorts.Values;

    /// <summary>The cohort, or an "unknown cohort" error on the row.</summary>
    public Cohort? Cohort(int row, string code, string column = CohortCode)
    {
        if (_cohorts.TryGetValue(NaturalKey.Of(code), out var cohort))
            return cohort;
        _import.Error(row, column, code, ImportMessages.UnknownCohort, code);
        return null;
    }

    /// <summary>The learner's enrollment in the cohort, or an error naming the learner: unknown, or not enrolled.</summary>
    public EnrolledLearner? Enrollment(int row, Cohort cohort, string employeeNo, string column = EmployeeNo)
    {
        if (_enrollments.TryGetValue((cohort.Id, NaturalKey.Of(employeeNo)), out var enrollment))
            return enrollment;
        if (_learners.Contains(NaturalKey.Of(employeeNo)))
            _import.Error(row, column, employeeNo, ImportMessages.NotEnrolled, employeeNo, cohort.Code);
        else
            _import.Error(row, column, employeeNo, ImportMessages.UnknownLearner, employeeNo);
        return null;
    }
}

/// <summary>Writing what a kind's check found new: one prepared INSERT for many rows, and one audit line for the file.</summary>
internal static class ImportWriting
{
    /// <summary>
    /// Inserts <paramref name="rows"/> (new records, keys generated) and writes one audit line for them — entity the record
    /// type, key <c>import: file</c>, value "N … imported" — as the observations import and the demo seeder do: a snapshot
    /// line per row of a 100,000-row attendance file would be most of the import's time and say nothing the rows do not.
    /// Changed records are saved by the context, each with its own audit lines (old → new).
    /// </summary>
    public static async Task<int> InsertAsync<T>(ImportContext import, List<T> rows, string what, CancellationToken cancellationToken) where T : class
    {
        await BulkInsert.InsertAsync(import.Db, rows, withKeys: false, written => import.Report(ImportPhase.Writing, written), cancellationToken);
        if (rows.Count > 0 && typeof(IAudited).IsAssignableFrom(typeof(T)))
        {
            var key = import.Source.Length <= AuditEntry.EntityKeyMaxLength ? import.Source : import.Source[..AuditEntry.EntityKeyMaxLength];
            import.Db.AddAudit(typeof(T).Name, key, AuditAction.Added, null, null, string.Create(CultureInfo.InvariantCulture, $"{rows.Count} {what} imported"));
        }
        return rows.Count;
    }
}
