using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// The cohort page's health card on an open page: honest while there is no snapshot, and read again when the recompute
/// of the cohort's health weeks (queued by an attendance mark or an import) has finished — no reload.
/// </summary>
public sealed class CohortHealthCardTests : DashboardTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "No weekly snapshot yet: the index is taken when a week of the cohort has ended.", "Healthy 1", "At risk 1", "2 of 2 learners have an index")]
    [InlineData("zh-CN", "尚无每周快照：班期的一周结束后才计算指数。", "健康 1", "高风险 1", "2 名学员中 2 人有指数")]
    public async Task The_open_card_shows_the_index_once_the_recompute_of_its_cohort_has_finished(string culture, string empty, string healthy, string atRisk, string withIndex)
    {
        UseCulture(culture);
        await using var database = await TestDatabase.CreateAsync();
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(TimeProvider.System);
        var data = await TestData.CreateAsync(database, learners: 2);
        var card = Render<CohortHealthCard>(p => p.Add(c => c.CohortId, data.Cohort.Id));
        card.WaitForAssertion(() => card.Find("[data-testid=health-empty]").TextContent.ShouldBe(empty));

        // Two sessions in the cohort's first week: the first learner at both, the second at one of them.
        await using (var db = database.CreateContext())
        {
            var first = new CohortSession { CohortId = data.Cohort.Id, Sequence = 1, HeldOn = TestData.Start.AddDays(1), Name = "第一课", DurationMinutes = 90 };
            var second = new CohortSession { CohortId = data.Cohort.Id, Sequence = 2, HeldOn = TestData.Start.AddDays(3), Name = "第二课", DurationMinutes = 90 };
            db.Sessions.AddRange(first, second);
            db.Attendance.AddRange(
                new AttendanceRecord { Session = first, EnrollmentId = data[0].Id, Status = AttendanceStatus.Present },
                new AttendanceRecord { Session = second, EnrollmentId = data[0].Id, Status = AttendanceStatus.Present },
                new AttendanceRecord { Session = first, EnrollmentId = data[1].Id, Status = AttendanceStatus.Present },
                new AttendanceRecord { Session = second, EnrollmentId = data[1].Id, Status = AttendanceStatus.Absent });
            await db.SaveChangesAsync(Ct);
        }
        var queue = Services.GetRequiredService<HealthRecomputes>();
        queue.Enqueue([data.Cohort.Id]);
        var health = new HealthSnapshotService(database.Factory, TimeProvider.System, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance);
        (await queue.RunPendingAsync(health, Ct)).ShouldNotBeNull();

        // Attendance is the one part with two items: 100 and 50, mean 75 (healthy from 75).
        card.WaitForAssertion(() => card.Find("[data-testid=health-mean]").TextContent.ShouldBe("75.0"));
        card.Find("[data-testid=health-band][data-band=Healthy]").TextContent.Trim().ShouldBe(healthy);
        card.Find("[data-testid=health-band][data-band=AtRisk]").TextContent.Trim().ShouldBe(atRisk);
        card.Find(".health-mean .stat-note").TextContent.ShouldBe(withIndex);
        card.Find("[data-testid=health-component][data-component=Attendance] dd").TextContent.ShouldBe("75.0");
    }
}
