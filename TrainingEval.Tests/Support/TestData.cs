using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Tests.Support;

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    public DateTime UtcNow { get; set; } = DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);
}

/// <summary>A small hand-made organisation: one department, one mentor, one program with the default profile, one cohort.</summary>
public sealed class TestData
{
    public static readonly DateOnly Start = new(2026, 3, 2);
    public static readonly DateOnly End = new(2026, 4, 24);

    public required Department Department { get; init; }
    public required Mentor Mentor { get; init; }
    public required TrainingProgram Program { get; init; }
    public required WeightProfileVersion Version { get; init; }
    public required Cohort Cohort { get; init; }
    public List<Enrollment> Enrollments { get; } = [];

    public Enrollment this[int i] => Enrollments[i];

    public static Task<TestData> CreateAsync(TestDatabase database, int learners = 3, WeightProfile? profile = null) =>
        CreateAsync(database.Factory, learners, profile);

    /// <summary>The same organisation in any database (e.g. a running dashboard's).</summary>
    public static async Task<TestData> CreateAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<Dashboard.Infrastructure.Persistence.TrainingDbContext> factory,
        int learners = 3, WeightProfile? profile = null)
    {
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var department = new Department { Code = "PRD", Name = "生产部", NameEn = "Production" };
        var mentor = new Mentor { EmployeeNumber = "M001", Name = "王师傅", NameEn = "Master Wang", Department = department };
        var program = new TrainingProgram { Code = "LEAN", Name = "精益", NameEn = "Lean", CurrentProfileVersion = 1 };
        var version = (profile ?? WeightProfile.Default).ToVersion(1, "test", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), null);
        version.Program = program;
        var cohort = new Cohort { Program = program, Code = "LEAN-1", Name = "精益 1期", StartDate = Start, EndDate = End };
        var data = new TestData { Department = department, Mentor = mentor, Program = program, Version = version, Cohort = cohort };
        for (var i = 0; i < learners; i++)
        {
            var learner = new Learner { EmployeeNumber = $"E{i + 1:000}", Name = $"学员{i + 1}", Department = department, Position = "装配工", Mentor = mentor };
            data.Enrollments.Add(new Enrollment { Cohort = cohort, Learner = learner, Mentor = mentor, Status = EnrollmentStatus.Completed, EnrolledOn = Start.AddDays(-7) });
        }
        db.AddRange(department, mentor, program, version, cohort);
        db.AddRange(data.Enrollments);
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return data;
    }
}
