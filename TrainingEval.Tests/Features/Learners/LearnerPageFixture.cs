using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Learners;

/// <summary>
/// A small company for the learner page: learner E0001 in four cohorts — two finished and closed
/// (one with a provisional composite and no Results score), one finished but not closed, one still
/// running — with mentor ratings and optionally weekly health snapshots. "Today" is 2026-06-01.
/// </summary>
internal static class LearnerPageFixture
{
    public const string EmployeeNo = "E0001";
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task<TestDatabase> CreateAsync(bool withHealth)
    {
        var database = await TestDatabase.CreateAsync(new FixedClock(Now));
        await using var db = database.CreateContext();

        var department = new Department { Code = "QA", Name = "质量管理部", NameEn = "Quality Management" };
        var mentor = new Mentor { EmployeeNumber = "M01", Name = "朱雪", NameEn = "Xue Zhu", Department = department };
        var learner = new Learner { EmployeeNumber = EmployeeNo, Name = "吴敏丽", NameEn = "Minli Wu", Department = department, Position = "质检员", PositionEn = "Quality Inspector", Mentor = mentor };
        var other = new Learner { EmployeeNumber = "E0002", Name = "李强", NameEn = "Qiang Li", Department = department, Position = "质检员", PositionEn = "Quality Inspector" };
        var program = new TrainingProgram { Code = "QC", Name = "质量工具", NameEn = "Quality tools", CurrentProfileVersion = 1 };
        var version = new WeightProfileVersion { Program = program, Version = 1, Name = "default", ReactionWeight = 15, LearningWeight = 25, BehaviorWeight = 35, ResultsWeight = 25, TierA = 90, TierB = 75, TierC = 60, PassMark = 60, ExamPassLine = 60, ApplicationWindowDays = 60, CreatedBy = "test" };
        db.AddRange(department, mentor, learner, other, program, version);
        await db.SaveChangesAsync();

        // Inserted out of order on purpose: the page orders by end date.
        var late = Cohort(program, "QC-202603", new(2026, 3, 1), new(2026, 4, 30), closed: false);
        var early = Cohort(program, "QC-202501", new(2025, 1, 6), new(2025, 2, 28), closed: true);
        var middle = Cohort(program, "QC-202509", new(2025, 9, 1), new(2025, 10, 31), closed: true);
        var running = Cohort(program, "QC-202605", new(2026, 5, 4), new(2026, 7, 31), closed: false);
        db.AddRange(late, early, middle, running);
        await db.SaveChangesAsync();

        Score(db, version, early, learner, [70, 72, 65, 60], composite: 66.5, coverage: 1, rank: 1, Tier.C);
        Score(db, version, middle, learner, [80, 78, 74, null], composite: 76.4, coverage: 0.75, rank: 1, Tier.B);
        Score(db, version, late, learner, [85, 84, 80, 79], composite: 81.6, coverage: 1, rank: 2, Tier.B);
        Score(db, version, running, learner, [90, null, null, null], composite: 90, coverage: 0.15, rank: 1, Tier.Insufficient);
        Score(db, version, early, other, [60, 60, 60, 60], composite: 60, coverage: 1, rank: 2, Tier.C);
        await db.SaveChangesAsync();

        var enrollment = db.ChangeTracker.Entries<Enrollment>().Select(e => e.Entity).First(e => e.CohortId == middle.Id && e.LearnerId == learner.Id);
        var t0 = new DateTime(2025, 9, 15, 9, 0, 0, DateTimeKind.Utc);
        db.MentorRatings.AddRange(
            Rating(enrollment, mentor, "initiative", t0, 3, 1),
            Rating(enrollment, mentor, "initiative", t0.AddDays(30), 4, 2),
            Rating(enrollment, mentor, "attitude", t0, 4, 1),
            Rating(enrollment, mentor, "collaboration", t0.AddDays(30), 5, 1));

        if (withHealth)
        {
            // Weeks 10, 11 and 13 of 2026: week 12 has no snapshot and must be a gap.
            db.HealthSnapshots.AddRange(
                Health(learner, 2026, 10, 82),
                Health(learner, 2026, 11, 68.5),
                Health(learner, 2026, 13, 55));
        }
        await db.SaveChangesAsync();
        return database;
    }

    private static Cohort Cohort(TrainingProgram program, string code, DateOnly start, DateOnly end, bool closed) => new()
    {
        Program = program,
        Code = code,
        Name = code + " 期",
        NameEn = code,
        StartDate = start,
        EndDate = end,
        ClosedAt = closed ? end.AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
    };

    private static void Score(TrainingEval.Dashboard.Infrastructure.Persistence.TrainingDbContext db, WeightProfileVersion version, Cohort cohort, Learner learner, double?[] levels, double composite, double coverage, int rank, Tier tier)
    {
        var enrollment = new Enrollment { Cohort = cohort, Learner = learner, Status = EnrollmentStatus.Completed, EnrolledOn = cohort.StartDate };
        db.Enrollments.Add(enrollment);
        db.LearnerScores.Add(new LearnerScoreRecord
        {
            Cohort = cohort, Enrollment = enrollment, Learner = learner, ProfileVersion = version, ProfileVersionNumber = 1,
            Reaction = levels[0], Learning = levels[1], Behavior = levels[2], Results = levels[3],
            ReactionCoverage = 1, LearningCoverage = 1, BehaviorCoverage = 1, ResultsCoverage = levels[3] is null ? 0 : 1,
            Composite = composite, Coverage = coverage, Tier = tier, Passed = composite >= 60, Rank = rank,
            ComputedAt = Now.UtcDateTime,
        });
    }

    private static MentorRating Rating(Enrollment enrollment, Mentor mentor, string dimension, DateTime at, int score, int sequence) =>
        new() { Enrollment = enrollment, Mentor = mentor, Dimension = dimension, RatedAt = at, Score = score, Sequence = sequence };

    private static LearningHealthSnapshot Health(Learner learner, int year, int week, double index) => new()
    {
        Learner = learner,
        IsoYear = year,
        IsoWeek = week,
        WeekEnd = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Sunday)),
        Index = index,
        ComputedAt = Now.UtcDateTime,
    };
}

/// <summary>A clock that always says <paramref name="now"/>.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
