using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Enrolment;

/// <summary>One enrolment of a cohort as the management page lists it.</summary>
public sealed record EnrolmentRow(int Id, string EmployeeNo, string LearnerName, string Department, string? MentorNo, string? MentorName,
    EnrollmentStatus Status, DateOnly EnrolledOn, DateOnly? WithdrawnOn);

/// <summary>A learner found by the enrolment search.</summary>
public sealed record LearnerMatch(string EmployeeNo, string Name, string Department);

/// <summary>
/// Enrols learners in a cohort, assigns their mentor and withdraws them, for HR. Every write is rows of the enrollments
/// import (<see cref="ImportService.WriteRowsAsync"/>): unknown employee numbers are refused by name and nothing is written,
/// the import's date rules apply (a withdrawal before the enrolment), and the cohort is rescored and its health index
/// recomputed as after an import. Enrolling adds one rule: someone enrolled already is refused (an import would leave them
/// as they are). A learner may be in any number of cohorts.
/// </summary>
public sealed class EnrolmentService(ImportService import, IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const string Source = "enrolment";
    public const int SearchLimit = 20;

    private static readonly char[] Separators = [' ', ',', ';', '\t', '\r', '\n', '，', '；', '、'];

    /// <summary>Employee numbers in pasted text (one a line, or separated by commas, semicolons, tabs or spaces), each once, as first written.</summary>
    public static IReadOnlyList<string> ParseNumbers(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(NaturalKey.Comparer).ToList();

    public async Task<IReadOnlyList<EnrolmentRow>> ListAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.Cohort!.CodeKey == key)
            .Select(e => new
            {
                e.Id, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn, Department = e.Learner.Department!.Name, DepartmentEn = e.Learner.Department.NameEn,
                MentorNo = e.Mentor != null ? e.Mentor.EmployeeNumber : null, MentorName = e.Mentor != null ? e.Mentor.Name : null, MentorNameEn = e.Mentor != null ? e.Mentor.NameEn : null,
                e.Status, e.EnrolledOn, e.WithdrawnOn,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.EmployeeNumber, StringComparer.Ordinal).Select(r => new EnrolmentRow(r.Id, r.EmployeeNumber, Bilingual.Pick(r.Name, r.NameEn),
            Bilingual.Pick(r.Department, r.DepartmentEn), r.MentorNo, r.MentorName is null ? null : Bilingual.Pick(r.MentorName, r.MentorNameEn), r.Status, r.EnrolledOn, r.WithdrawnOn))];
    }

    /// <summary>Learners whose name, employee number or department contains <paramref name="text"/> (any letter case), at most <see cref="SearchLimit"/>.</summary>
    public async Task<IReadOnlyList<LearnerMatch>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "learners");
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term))
            return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Any letter case, on every provider (TextSearch); the text's wildcards are taken literally.
        var pattern = Learners.Paging.ContainsPattern(term);
        var matches = await db.Learners.AsNoTracking()
            .Where(l => TextSearch.Matches(l.EmployeeNumber, pattern) || TextSearch.Matches(l.Name, pattern) || TextSearch.Matches(l.NameEn!, pattern)
                || TextSearch.Matches(l.Department!.Name, pattern) || TextSearch.Matches(l.Department.NameEn!, pattern) || TextSearch.Matches(l.Department.Code, pattern))
            .OrderBy(l => l.EmployeeNumberKey).Take(SearchLimit)
            .Select(l => new { l.EmployeeNumber, l.Name, l.NameEn, Department = l.Department!.Name, DepartmentEn = l.Department.NameEn })
            .ToListAsync(cancellationToken);
        return [.. matches.Select(m => new LearnerMatch(m.EmployeeNumber, Bilingual.Pick(m.Name, m.NameEn), Bilingual.Pick(m.Department, m.DepartmentEn)))];
    }

    /// <summary>Enrols these learners (with <paramref name="mentorNo"/> as their mentor, else each one's own); all or nothing.</summary>
    public async Task<IReadOnlyList<ImportError>> EnrolAsync(string cohortCode, IReadOnlyList<string> employeeNumbers, string? mentorNo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employeeNumbers);
        var numbers = employeeNumbers.Distinct(NaturalKey.Comparer).ToList();
        var rows = numbers.Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            [CohortCode] = cohortCode, [EmployeeNo] = n, [MentorEmployeeNo] = mentorNo,
        }).ToList();
        var result = await import.WriteRowsAsync(ImportKind.Enrollments, rows, Source, (db, ct) => RefuseEnrolledAsync(db, cohortCode, numbers, ct), cancellationToken);
        return result.Errors;
    }

    /// <summary>Makes <paramref name="mentorNo"/> the mentor who rates the learner in this cohort.</summary>
    public async Task<IReadOnlyList<ImportError>> AssignMentorAsync(string cohortCode, string employeeNo, string mentorNo, CancellationToken cancellationToken = default)
    {
        if (await CurrentAsync(cohortCode, employeeNo, cancellationToken) is not { } current)
            return [NotEnrolled(cohortCode, employeeNo)];
        return await WriteAsync(cohortCode, employeeNo, current.Status, current.EnrolledOn, current.WithdrawnOn, mentorNo, cancellationToken);
    }

    /// <summary>Withdraws the learner from the cohort on <paramref name="on"/> (not before the enrolment: the import's rule).</summary>
    public async Task<IReadOnlyList<ImportError>> WithdrawAsync(string cohortCode, string employeeNo, DateOnly on, CancellationToken cancellationToken = default)
    {
        if (await CurrentAsync(cohortCode, employeeNo, cancellationToken) is not { } current)
            return [NotEnrolled(cohortCode, employeeNo)];
        if (current.Status == EnrollmentStatus.Withdrawn)
            return [new ImportError(2, EmployeeNo, employeeNo, ImportMessages.AlreadyWithdrawn, [current.Name, current.EmployeeNumber, current.CohortCode, Cell.Of(current.WithdrawnOn!.Value)])];
        return await WriteAsync(cohortCode, employeeNo, EnrollmentStatus.Withdrawn, current.EnrolledOn, on, null, cancellationToken);
    }

    private sealed record Current(string EmployeeNumber, string Name, string CohortCode, EnrollmentStatus Status, DateOnly EnrolledOn, DateOnly? WithdrawnOn);

    private async Task<Current?> CurrentAsync(string cohortCode, string employeeNo, CancellationToken cancellationToken)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (cohortKey, learnerKey) = (NaturalKey.Of(cohortCode), NaturalKey.Of(employeeNo));
        var e = await db.Enrollments.AsNoTracking().Where(e => e.Cohort!.CodeKey == cohortKey && e.Learner!.EmployeeNumberKey == learnerKey)
            .Select(e => new { e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn, e.Cohort!.Code, e.Status, e.EnrolledOn, e.WithdrawnOn })
            .FirstOrDefaultAsync(cancellationToken);
        return e is null ? null : new Current(e.EmployeeNumber, Bilingual.Pick(e.Name, e.NameEn), e.Code, e.Status, e.EnrolledOn, e.WithdrawnOn);
    }

    private async Task<IReadOnlyList<ImportError>> WriteAsync(string cohortCode, string employeeNo, EnrollmentStatus status, DateOnly enrolledOn, DateOnly? withdrawnOn, string? mentorNo,
        CancellationToken cancellationToken)
    {
        var row = new Dictionary<string, string?>
        {
            [CohortCode] = cohortCode, [EmployeeNo] = employeeNo, [Status] = status.ToString().ToLowerInvariant(),
            [EnrolledOn] = Cell.Of(enrolledOn), [WithdrawnOn] = withdrawnOn is { } w ? Cell.Of(w) : null, [MentorEmployeeNo] = mentorNo,
        };
        var result = await import.WriteRowsAsync(ImportKind.Enrollments, [row], Source, cancellationToken: cancellationToken);
        return result.Errors;
    }

    private static ImportError NotEnrolled(string cohortCode, string employeeNo) =>
        new(2, EmployeeNo, employeeNo, ImportMessages.NotEnrolledHere, [employeeNo, cohortCode]);

    private static async Task<IReadOnlyList<ImportError>> RefuseEnrolledAsync(TrainingDbContext db, string cohortCode, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var cohortKey = NaturalKey.Of(cohortCode);
        var keys = numbers.Select(NaturalKey.Of).ToList();
        var enrolled = await db.Enrollments.AsNoTracking().Where(e => e.Cohort!.CodeKey == cohortKey && keys.Contains(e.Learner!.EmployeeNumberKey))
            .Select(e => new { e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn, e.Cohort!.Code })
            .ToListAsync(cancellationToken);
        return [.. enrolled.OrderBy(e => e.EmployeeNumber, StringComparer.Ordinal)
            .Select(e => new ImportError(2, EmployeeNo, e.EmployeeNumber, ImportMessages.AlreadyEnrolled, [Bilingual.Pick(e.Name, e.NameEn, CultureInfo.CurrentUICulture), e.EmployeeNumber, e.Code]))];
    }
}
