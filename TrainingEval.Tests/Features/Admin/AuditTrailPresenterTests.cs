using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Admin;

/// <summary>The audit trail reads as a person writes it: names and employee numbers for ids, fields in the reader's language, local time with its zone.</summary>
public sealed class AuditTrailPresenterTests : DashboardTestContext, IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database);
        await new Support.Services(_database, actor: "mentor.wang").Ratings
            .RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "initiative", 4, "进步明显"), 0, Ct);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<AuditTrailLine> RatingLineAsync()
    {
        var time = new LocalTime(Options.Create(new TrainingEvalOptions { TimeZone = "Asia/Shanghai" }));
        var queries = new AuditTrailQueries(_database.Factory, TestUsers.AccessFor(_database.Factory, TestUsers.Analyst), time);
        var rows = await queries.AllAsync(new AuditTrailQuery(null, "MentorRating", null, null, null), Ct);
        var presenter = new AuditTrailPresenter(_database.Factory, Services.GetRequiredService<IStringLocalizer<AuditTrailPage>>(), time);
        return (await presenter.PresentAsync(rows, Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_new_rating_names_the_learner_the_cohort_and_its_fields_in_English()
    {
        UseCulture("en");
        var line = await RatingLineAsync();

        line.Entity.ShouldBe("Mentor rating");
        line.Subject.ShouldBe("学员1 (E001) · LEAN-1");
        line.Actor.ShouldBe("mentor.wang");
        // 12:00 UTC is 20:00 in Shanghai.
        line.When.ShouldBe("2026-09-01 20:00:00 (UTC+08:00)");
        line.Changes.ShouldContain(new AuditChange("Score", null, "4"));
        line.Changes.ShouldContain(new AuditChange("Mentor", null, "Master Wang"));
        // The learner is the subject, so the changes do not repeat them; stored instants read as local time too.
        line.Changes.ShouldNotContain(c => c.Field == "Learner in cohort");
        line.Changes.ShouldContain(new AuditChange("Rated at", null, "2026-09-01 20:00:00 (UTC+08:00)"));
        line.ChangesText.ShouldNotContain("EnrollmentId");
        line.ChangesText.ShouldNotContain("{");
    }

    [Fact]
    public async Task In_Chinese_the_fields_are_Chinese()
    {
        UseCulture("zh-CN");
        var line = await RatingLineAsync();

        line.Entity.ShouldBe("导师评分");
        line.Changes.ShouldContain(new AuditChange("分数", null, "4"));
        line.Changes.ShouldContain(new AuditChange("导师", null, "王师傅"));
    }

    [Fact]
    public async Task The_export_writes_what_the_table_shows()
    {
        UseCulture("en");
        var line = await RatingLineAsync();
        var table = new ExportTable(["At", "Changes"], [[line.When, line.ChangesText]]);

        var csv = System.Text.Encoding.UTF8.GetString(new TableExport().Write(table, ExportFormat.Csv));

        csv.ShouldContain("2026-09-01 20:00:00 (UTC+08:00)");
        csv.ShouldContain("Score: 4");
    }

    [Theory]
    [InlineData("zh-CN", "考核", "类型", "结业考试", "难度", "高级")]
    [InlineData("en", "Assessment", "Kind", "Final exam", "Difficulty", "Advanced")]
    public async Task An_assessment_added_from_the_cohort_plan_reads_its_kind_and_difficulty_in_the_readers_language(string culture, string entity, string kindField,
        string kind, string difficultyField, string difficulty)
    {
        var plan = new TrainingEval.Dashboard.Features.Cohorts.Manage.CohortPlan(Import.ImportTestKit.Service(_database), _database.Factory, new Support.Services(_database).Access);
        (await plan.SaveAssessmentAsync("LEAN-1", new TrainingEval.Dashboard.Features.Cohorts.Manage.CohortAssessmentInput
        {
            Code = "FINAL", Kind = TrainingEval.Dashboard.Infrastructure.Persistence.Entities.AssessmentKind.FinalExam, Name = "结业考试", HeldOn = new DateTime(2026, 4, 24),
            Difficulty = TrainingEval.Dashboard.Infrastructure.Persistence.Entities.AssessmentDifficulty.Advanced,
        }, adding: true, Ct)).ShouldBeEmpty();
        UseCulture(culture);
        var time = new LocalTime(Options.Create(new TrainingEvalOptions { TimeZone = "Asia/Shanghai" }));
        var rows = await new AuditTrailQueries(_database.Factory, TestUsers.AccessFor(_database.Factory, TestUsers.Analyst), time).AllAsync(new AuditTrailQuery(null, "Assessment", null, null, null), Ct);
        var presenter = new AuditTrailPresenter(_database.Factory, Services.GetRequiredService<IStringLocalizer<AuditTrailPage>>(), time);

        var line = (await presenter.PresentAsync(rows, Ct)).ShouldHaveSingleItem();

        line.Entity.ShouldBe(entity);
        line.Subject.ShouldBe("LEAN-1");
        line.Changes.ShouldContain(new AuditChange(kindField, null, kind));
        line.Changes.ShouldContain(new AuditChange(difficultyField, null, difficulty));
        line.Changes.Where(c => c.New == "FINAL").ShouldHaveSingleItem(); // the code once, not again as its matching key
    }
}
