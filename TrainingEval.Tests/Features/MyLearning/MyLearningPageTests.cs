using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.MyLearning;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.MyLearning;

/// <summary>我的学习: the signed-in learner's own trajectory, exams against pass lines, mentor comments and suggestions.</summary>
public sealed class MyLearningPageTests : MentoringTestContext
{
    private async Task SeedLearnerOneAsync()
    {
        await using (var db = Database.CreateContext())
        {
            var final = new Assessment { Code = "结业考试", CohortId = Data.Cohort.Id, Kind = AssessmentKind.FinalExam, Name = "结业考试", NameEn = "Final exam", HeldOn = new DateOnly(2026, 3, 27), MaxScore = 50, PracticalMaxScore = 100, PassLine = 60 };
            var quiz = new Assessment { Code = "第一周测验", CohortId = Data.Cohort.Id, Kind = AssessmentKind.Quiz, Name = "第一周测验", NameEn = "Week 1 quiz", HeldOn = new DateOnly(2026, 3, 6), PassLine = 60 };
            db.AddRange(final, quiz);
            await db.SaveChangesAsync(Ct);
            db.AssessmentResults.AddRange(
                // Theory 40/50 = 80 passes, practical 55/100 is below the line: the exam is not passed.
                new AssessmentResult { AssessmentId = final.Id, EnrollmentId = Data[0].Id, Score = 40, PracticalScore = 55 },
                new AssessmentResult { AssessmentId = quiz.Id, EnrollmentId = Data[0].Id, Score = 72 },
                new AssessmentResult { AssessmentId = quiz.Id, EnrollmentId = Data[1].Id, Score = 30 });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        await Backend.Ratings.RecordAsync(new RatingInput(Data[0].Id, Data.Mentor.Id, "attitude", 4, "课堂参与积极"), 0, Ct);
        await Backend.Ratings.RecordAsync(new RatingInput(Data[1].Id, Data.Mentor.Id, "attitude", 2, "学员2的评语"), 0, Ct);
        await AddAlertAsync(0, AlertType.LhiDrop, "index 81.0 → 66.0", "attendance");
        var resolved = await AddAlertAsync(0, AlertType.ScoreDrop, "quiz 40 vs 75", "performance", Now.AddDays(-20));
        await Backend.Alerts.ResolveAsync(resolved.Id, resolved.Revision, "补考通过", Ct);
        await AddAlertAsync(1, AlertType.AtRisk, "index 52.0", "engagement");
        await AddSnapshotAsync(0, IsoWeek.Of(new DateOnly(2026, 3, 22)), 81);
        await AddSnapshotAsync(0, IsoWeek.Of(new DateOnly(2026, 3, 29)), 66);
    }

    [Fact]
    public async Task A_learner_sees_their_exams_mentor_comments_and_open_suggestions_only()
    {
        await SeedLearnerOneAsync();
        User = LearnerUser(0);

        var page = Render<MyLearningPage>();

        page.WaitForElement("[data-testid=me-header]");
        page.Find("[data-testid=me-name]").TextContent.ShouldBe("学员1");
        page.Find("[data-testid=me-health]").TextContent.ShouldBe("66.0");
        page.Find("[data-testid=me-header] [data-testid=band-chip]").GetAttribute("data-band").ShouldBe("Watch");
        // The health card says its band limits (it showed "{0}–{1}" placeholders).
        page.Find("[data-testid=me-health-card]").TextContent.ShouldNotContain("{0}");
        page.Find("[data-testid=me-health-card]").TextContent.ShouldContain("75");

        var suggestions = page.FindAll("[data-testid=me-suggestion]");
        suggestions.Count.ShouldBe(1);
        suggestions[0].TextContent.ShouldContain("Agree a class schedule with the learner");
        page.Find("[data-testid=me-suggestions]").TextContent.ShouldContain("1 earlier suggestions");
        page.Markup.ShouldNotContain("Pair the learner with a peer");

        var exams = page.FindAll("[data-testid=me-exam]");
        exams.Select(e => e.GetAttribute("data-passed")).ShouldBe(["false", "true"]);
        exams[0].TextContent.ShouldContain("80.0");
        exams[0].TextContent.ShouldContain("practical 55.0");
        exams[0].TextContent.ShouldContain("Below pass line");
        page.Find("[data-testid=me-exams-passed]").TextContent.ShouldBe("1 / 2");

        var comments = page.FindAll("[data-testid=me-comment]");
        comments.Count.ShouldBe(1);
        comments[0].TextContent.ShouldContain("课堂参与积极");
        comments[0].TextContent.ShouldContain("Attitude");
        comments[0].TextContent.ShouldContain("4 / 5");
        page.Markup.ShouldNotContain("学员2的评语");

        // A learner cannot open cohort pages, so the cohorts table does not link them.
        page.FindAll("[data-testid=learner-cohorts]").ShouldNotBeEmpty();
        page.FindAll("[data-testid=cohort-link]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_level_has_its_colour_in_the_level_bars_only_and_each_tier_its_colour_in_the_cohort_table(bool dark)
    {
        await SeedLearnerOneAsync();
        User = LearnerUser(0);
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var charts = JSInterop.SetupModule(ApexChart.ModulePath);
        charts.Mode = JSRuntimeMode.Loose;

        var page = Render<MyLearningPage>();
        page.WaitForElement("#me-levels-chart");

        IReadOnlyList<Coloured> things = [.. PageColours.Charts(charts), .. PageColours.TierChips(page.FindAll("[data-testid=tier-chip]"), Terms)];
        PageColours.ShouldGiveEachLevelOneColour(things, theme, Terms, "me-levels-chart");
        PageColours.ShouldGiveEachTierOneColour(things, theme, Terms, showingAllTiers: [], showingSomeTiers: ["chip"]);
    }

    [Fact]
    public async Task A_rescore_of_the_learners_cohort_reloads_the_page_and_one_of_another_learner_does_not()
    {
        await SeedLearnerOneAsync();
        User = LearnerUser(0);
        JSInterop.SetupModule(ApexChart.ModulePath).Mode = JSRuntimeMode.Loose;
        var page = Render<MyLearningPage>();
        page.WaitForElement("#me-levels-chart");
        var levels = () => page.FindComponents<ApexChart>().Single(c => c.Instance.Id == "me-levels-chart").Instance.Series!;
        var before = levels();
        var notifier = Services.GetRequiredService<Dashboard.Infrastructure.Live.IScoreChangeNotifier>();

        // A cohort the learner is not in changes nothing on their page.
        await notifier.PublishAsync(new(Data.Cohort.Id + 1000));
        levels().ShouldBeSameAs(before);

        await using (var db = Database.CreateContext())
        {
            var record = await db.LearnerScores.SingleAsync(s => s.EnrollmentId == Data[0].Id, Ct);
            record.Reaction = 12.5;
            await db.SaveChangesAsync(Ct);
        }
        await notifier.PublishAsync(new(Data.Cohort.Id));

        page.WaitForAssertion(() => levels()[0].Data[^1].Value.ShouldBe(12.5));
    }

    [Fact]
    public void A_learner_without_records_gets_the_empty_states()
    {
        User = LearnerUser(2);

        var page = Render<MyLearningPage>();

        page.WaitForElement("[data-testid=me-no-suggestions]");
        page.FindAll("[data-testid=me-no-comments]").ShouldNotBeEmpty();
        page.FindAll("[data-testid=me-exam]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("mentor", "http://localhost/mentor")]
    [InlineData("analyst", "http://localhost/")]
    public void Anyone_but_a_learner_is_sent_to_their_own_start(string who, string expected)
    {
        User = who == "mentor" ? MentorUser : Analyst;

        Render<MyLearningPage>();

        Services.GetRequiredService<NavigationManager>().Uri.ShouldBe(expected);
    }
}
