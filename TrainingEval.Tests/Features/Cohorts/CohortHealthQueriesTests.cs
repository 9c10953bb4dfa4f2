using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// The cohort page's health card reads the latest week of the cohort's run that has an index, counts the bands and
/// averages the parts present, and shows a mentor only their own mentees.
/// </summary>
public sealed class CohortHealthQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_latest_week_with_an_index_is_shown_with_its_bands_and_the_means_of_the_parts_present()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await TestData.CreateAsync(database, learners: 4);
        var week = IsoWeek.Of(TestData.Start.AddDays(14));
        var later = week.Next();
        await using (var db = database.CreateContext())
        {
            db.AuditingEnabled = false;
            db.HealthSnapshots.AddRange(
                Snapshot(data[0], week, 90, attendance: 100, engagement: 80),
                Snapshot(data[1], week, 65, attendance: 50, engagement: null),
                Snapshot(data[2], week, 10, attendance: 10, engagement: null),
                Snapshot(data[3], week, null, attendance: null, engagement: null),
                // A later week without any index (too little to go on) does not hide the week that has one.
                Snapshot(data[0], later, null, attendance: null, engagement: null),
                // Long after the cohort's run and its window: another cohort's week, not this one's.
                Snapshot(data[0], IsoWeek.Of(TestData.End.AddDays(60)), 20, attendance: 20, engagement: null));
            await db.SaveChangesAsync(Ct);
        }

        var view = await Queries(database, TestUsers.Analyst).LoadAsync(data.Cohort.Id, Ct);

        view.Week.ShouldBe(week);
        view.WeekEnd.ShouldBe(week.End);
        (view.Learners, view.WithIndex, view.NoIndex).ShouldBe((4, 3, 1));
        view.MeanIndex!.Value.ShouldBe(55, 1e-9);
        (view.Healthy, view.Watch, view.AtRisk).ShouldBe((1, 1, 1));
        view.Attendance!.Value.ShouldBe(160 / 3.0, 1e-9);
        view.Engagement!.Value.ShouldBe(80, 1e-9);
        view.Punctuality.ShouldBeNull();
        view.WindowDays.ShouldBe(LearningHealthIndex.DefaultWindowDays);
    }

    [Fact]
    public async Task A_mentor_sees_the_index_of_their_own_mentees_only_and_a_cohort_without_snapshots_has_no_week()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await TestData.CreateAsync(database, learners: 3);
        var week = IsoWeek.Of(TestData.Start.AddDays(7));
        await using (var db = database.CreateContext())
        {
            db.AuditingEnabled = false;
            var other = new Mentor { EmployeeNumber = "M002", Name = "李师傅", DepartmentId = data.Department.Id };
            db.Mentors.Add(other);
            await db.SaveChangesAsync(Ct);
            var enrollment = await db.Enrollments.FindAsync([data[2].Id], Ct);
            enrollment!.MentorId = other.Id;
            db.HealthSnapshots.AddRange(Snapshot(data[0], week, 80, 80, null), Snapshot(data[1], week, 70, 70, null), Snapshot(data[2], week, 0, 0, null));
            await db.SaveChangesAsync(Ct);
        }

        var mine = await Queries(database, TestUsers.Mentor(data.Mentor.Id)).LoadAsync(data.Cohort.Id, Ct);
        (mine.Learners, mine.WithIndex, mine.Healthy, mine.Watch, mine.AtRisk).ShouldBe((2, 2, 1, 1, 0));
        mine.MeanIndex!.Value.ShouldBe(75, 1e-9);

        await using (var db = database.CreateContext())
        {
            db.AuditingEnabled = false;
            db.HealthSnapshots.RemoveRange(db.HealthSnapshots);
            await db.SaveChangesAsync(Ct);
        }
        var none = await Queries(database, TestUsers.Analyst).LoadAsync(data.Cohort.Id, Ct);
        none.Week.ShouldBeNull();
        (none.Learners, none.WithIndex, none.NoIndex).ShouldBe((3, 0, 3));
        none.MeanIndex.ShouldBeNull();
    }

    [Fact]
    public async Task A_learner_or_a_mentor_of_nobody_in_the_cohort_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await TestData.CreateAsync(database, learners: 1);
        await Should.ThrowAsync<AccessDeniedException>(() => Queries(database, TestUsers.Learner(data[0].LearnerId)).LoadAsync(data.Cohort.Id, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => Queries(database, TestUsers.Mentor(data.Mentor.Id + 1)).LoadAsync(data.Cohort.Id, Ct));
    }

    private static CohortHealthQueries Queries(TestDatabase database, UserContext user) =>
        new(database.Factory, TestUsers.AccessFor(database.Factory, user), Options.Create(new HealthOptions()));

    private static LearningHealthSnapshot Snapshot(Enrollment enrollment, IsoWeek week, double? index, double? attendance, double? engagement) => new()
    {
        LearnerId = enrollment.LearnerId,
        IsoYear = week.Year,
        IsoWeek = week.Week,
        WeekEnd = week.End,
        Index = index,
        Attendance = attendance,
        Engagement = engagement,
        Band = index is { } i ? LearningHealthBands.Classify(i) : null,
        ComputedAt = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
