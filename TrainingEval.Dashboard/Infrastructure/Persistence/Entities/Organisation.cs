using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>A department (部门) of the company; learners and mentors belong to one.</summary>
public sealed class Department : IBilingualName, IAudited
{
    public const int CodeMaxLength = 20;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    public List<Learner> Learners { get; } = [];
    public List<Mentor> Mentors { get; } = [];
}

/// <summary>A mentor (导师): rates learners on the mentor dimensions and receives their alerts.</summary>
public sealed class Mentor : IBilingualName, IAudited
{
    private string _employeeNumber = "";

    public int Id { get; set; }

    /// <summary>As first written; <see cref="EmployeeNumberKey"/> is what matches (spec section 9).</summary>
    public required string EmployeeNumber
    {
        get => _employeeNumber;
        set
        {
            _employeeNumber = value;
            EmployeeNumberKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The employee number trimmed and upper-cased (<see cref="NaturalKey"/>); unique.</summary>
    public string EmployeeNumberKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }

    public List<Learner> Mentees { get; } = [];
}

/// <summary>A learner (学员): one identity across all the cohorts they join.</summary>
public sealed class Learner : IBilingualName, IAudited
{
    public const int EmployeeNumberMaxLength = 20;
    public const int PositionMaxLength = 100;
    public const int EmailMaxLength = 254;

    private string _employeeNumber = "";

    public int Id { get; set; }

    /// <summary>The employee number (工号) as first written; <see cref="EmployeeNumberKey"/> is what matches (spec section 9).</summary>
    public required string EmployeeNumber
    {
        get => _employeeNumber;
        set
        {
            _employeeNumber = value;
            EmployeeNumberKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The employee number trimmed and upper-cased (<see cref="NaturalKey"/>); unique across the company.</summary>
    public string EmployeeNumberKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required string Position { get; set; }
    public string? PositionEn { get; set; }

    /// <summary>The learner's standing mentor; a cohort may assign another one per enrollment.</summary>
    public int? MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public DateOnly? HireDate { get; set; }
    public string? Email { get; set; }

    public List<Enrollment> Enrollments { get; } = [];
    public List<PerformanceReview> PerformanceReviews { get; } = [];
}
