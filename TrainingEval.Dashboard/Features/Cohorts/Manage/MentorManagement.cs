using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>What the "add a mentor" form writes.</summary>
public sealed class MentorInput
{
    public string EmployeeNo { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }

    /// <summary>A department's code or name (Chinese or English, any letter case); a name no department has is a new department.</summary>
    public string Department { get; set; } = "";
}

/// <summary>
/// Adds a mentor for HR, so a company without a mentors file can assign them (there is no mentors import: mentors come
/// with the demo company or this form). The employee number must be new among mentors (any letter case); the department
/// is found by code or name as the learners import finds it, else created. One transaction, audited (Mentor and
/// Department are <see cref="IAudited"/>). A mentor rates nothing until assigned, so nothing is rescored.
/// </summary>
public sealed class MentorManagement(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public async Task<IReadOnlyList<ImportError>> AddAsync(MentorInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await access.EnsureInRoleAsync(Roles.Staff, "mentors");
        var (number, name, nameEn, departmentText) = (input.EmployeeNo.Trim(), input.Name.Trim(), string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim(), input.Department.Trim());
        var errors = new List<ImportError>();
        if (number.Length == 0)
            errors.Add(new ImportError(2, EmployeeNo, null, ImportMessages.Required, [EmployeeNo]));
        else if (number.Length > Learner.EmployeeNumberMaxLength)
            errors.Add(new ImportError(2, EmployeeNo, number, ImportMessages.TooLong, [EmployeeNo, Cell.Of(number.Length), Cell.Of(Learner.EmployeeNumberMaxLength)]));
        if (name.Length == 0)
            errors.Add(new ImportError(2, Name, null, ImportMessages.Required, [Name]));
        if (departmentText.Length == 0)
            errors.Add(new ImportError(2, ImportSchema.Department, null, ImportMessages.Required, [ImportSchema.Department]));
        if (errors.Count > 0)
            return errors;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = NaturalKey.Of(number);
        if (await db.Mentors.AsNoTracking().FirstOrDefaultAsync(m => m.EmployeeNumberKey == key, cancellationToken) is { } existing)
            return [new ImportError(2, EmployeeNo, number, ImportMessages.MentorExists, [existing.EmployeeNumber, existing.DisplayName()])];
        var departments = await db.Departments.ToListAsync(cancellationToken);
        var department = departments.FirstOrDefault(d => string.Equals(d.Code, departmentText, StringComparison.OrdinalIgnoreCase))
            ?? departments.FirstOrDefault(d => string.Equals(d.Name, departmentText, StringComparison.OrdinalIgnoreCase) || string.Equals(d.NameEn, departmentText, StringComparison.OrdinalIgnoreCase));
        if (department is null)
        {
            var code = departmentText.Length <= Infrastructure.Persistence.Entities.Department.CodeMaxLength ? departmentText : $"DEPT-{departments.Count + 1}";
            department = new Department { Code = code, Name = departmentText };
            db.Departments.Add(department);
        }
        db.Mentors.Add(new Mentor { EmployeeNumber = number, Name = name, NameEn = nameEn, Department = department });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
