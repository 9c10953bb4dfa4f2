using Bunit;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>The cohort page's plan line: which kinds of record the cohort tracks, in the reader's language.</summary>
public sealed class EvaluationPlanLineTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = await TestData.CreateAsync(_database);
        CohortDemoDatabase.Register(Services, _database);
        await using var db = _database.CreateContext();
        var session = new CohortSession { CohortId = _data.Cohort.Id, Sequence = 1, HeldOn = TestData.Start, Name = "第一课", DurationMinutes = 60 };
        db.Sessions.Add(session);
        db.Attendance.Add(new AttendanceRecord { Session = session, EnrollmentId = _data[0].Id, Status = AttendanceStatus.Present });
        db.Interactions.Add(new Interaction { EnrollmentId = _data[1].Id, OccurredAt = new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc), Kind = InteractionKind.Post });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("en", "Tracked: attendance, interactions", "Not tracked: assignments, exams, surveys, on-the-job application, mentor ratings, performance reviews, KPIs", "(from the records present)")]
    [InlineData("zh-CN", "已跟踪： 出勤、互动", "未跟踪： 作业、考试、问卷、训后应用、导师评价、绩效考核、业务 KPI", "(依据已有记录)")]
    public void The_line_names_the_tracked_and_the_untracked_kinds(string culture, string tracked, string notTracked, string source)
    {
        UseCulture(culture);

        var line = Render<EvaluationPlanLine>(p => p.Add(x => x.CohortId, _data.Cohort.Id));

        line.WaitForAssertion(() => line.Find("[data-testid=plan-tracked]").TextContent.Trim().ShouldBe(tracked));
        line.Find("[data-testid=plan-not-tracked]").TextContent.Trim().ShouldBe(notTracked);
        line.Find(".plan-source").TextContent.Trim().ShouldBe(source);
    }
}
