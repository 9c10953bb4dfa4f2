using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// Taking an exam in headless Chromium at phone width on the demo company: a learner (an account of this test's own, linked
/// to a learner no other test signs in as) opens /me, starts an exam of this test's own (EXAM-BT, two 5-point single-choice
/// questions, theory out of 100, pass line 60) from My exams, answers one right and one wrong — each saved as given — and
/// submits: the page shows the result against the pass line. The dashboard is shared, so everything asserted is this test's own.
/// </summary>
public sealed class ExamsBrowserTests(BrowserFixture browser)
{
    private const string LearnerAccount = "exams.learner";
    private const string LearnerPassword = "Exams-Learner-Heron-2026!";
    private const string ExamCode = "EXAM-BT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_learner_takes_a_short_exam_at_phone_width_and_sees_the_result_against_the_pass_line()
    {
        await browser.EnsureStartedAsync();
        await SetUpAsync();

        await using var learner = await browser.OpenAsync("me", "en", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount);
        var page = learner.Page;
        var exam = page.Locator($"[data-testid=exam-item][data-assessment='{ExamCode}']");
        await Expect(exam.Locator(".exam-name")).ToHaveTextAsync("Browser test exam");
        await exam.GetByTestId("exam-start").ClickAsync();

        var questions = page.GetByTestId("attempt-question");
        await Expect(questions).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("attempt-time-left")).ToContainTextAsync("Time left: ");
        await questions.Nth(0).Locator("label", new() { HasText = "Sort" }).ClickAsync();
        await Expect(questions.Nth(0).GetByTestId("attempt-saved")).ToHaveTextAsync("Saved");
        await questions.Nth(1).Locator("label", new() { HasText = "Overtime" }).ClickAsync();
        await Expect(questions.Nth(1).GetByTestId("attempt-saved")).ToHaveTextAsync("Saved");
        await learner.ScreenshotAsync("exam-attempt-en-390", fullPage: false);

        await page.GetByTestId("attempt-submit").ClickAsync();
        await Expect(page.GetByTestId("attempt-result")).ToHaveTextAsync("Theory 50 / 100 — failed (pass line 60)");
        await learner.ScreenshotAsync("exam-result-en-390", fullPage: false);
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scroll.ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
    }

    // This test's own exam in the cohort of a learner nobody else signs in as (picked from the middle of the list, not the
    // first or last learner other tests look at); its questions are this test's own too.
    private async Task SetUpAsync()
    {
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        var linked = await db.Users.Where(u => u.LearnerId != null && u.UserName != LearnerAccount).Select(u => u.LearnerId!.Value).ToListAsync(Ct);
        var existing = await db.Assessments.AsNoTracking().Where(a => a.Code == ExamCode).Select(a => (int?)a.CohortId).FirstOrDefaultAsync(Ct);
        var enrollment = await db.Enrollments.AsNoTracking()
            .Where(e => e.Status != EnrollmentStatus.Withdrawn && !linked.Contains(e.LearnerId) && (existing == null || e.CohortId == existing)
                && !e.Cohort!.Code.StartsWith("LEAN-TL-") && !e.Cohort.Code.StartsWith("NEW-EMP-"))
            .OrderBy(e => e.Id % 97).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.LearnerId, e.CohortId, e.Cohort!.ProgramId, e.Cohort.EndDate })
            .FirstAsync(Ct);
        if (existing is null)
        {
            var assessment = new Assessment { CohortId = enrollment.CohortId, Code = ExamCode, Name = "浏览器测试考试", NameEn = "Browser test exam", Kind = AssessmentKind.Quiz, HeldOn = enrollment.EndDate };
            db.Assessments.Add(assessment);
            var questions = new[]
            {
                new ExamQuestion { ProgramId = enrollment.ProgramId, Kind = ExamQuestionKind.SingleChoice, Text = "浏览器测试：5S 第一个 S？", TextEn = "Browser test: the first S of 5S?", Options = ["整理", "加班"], OptionsEn = ["Sort", "Overtime"], CorrectOptions = [0] },
                new ExamQuestion { ProgramId = enrollment.ProgramId, Kind = ExamQuestionKind.SingleChoice, Text = "浏览器测试：哪个不是浪费？", TextEn = "Browser test: which is not waste?", Options = ["整理", "加班"], OptionsEn = ["Sort", "Overtime"], CorrectOptions = [0] },
            };
            db.ExamQuestions.AddRange(questions);
            await db.SaveChangesAsync(Ct);
            db.ExamPapers.Add(new ExamPaper
            {
                AssessmentId = assessment.Id, TimeLimitMinutes = 20, IsOpen = true,
                Questions = [.. questions.Select((q, i) => new ExamPaperQuestion { QuestionId = q.Id, Sequence = i + 1 })],
            });
            await db.SaveChangesAsync(Ct);
        }

        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        if (await users.FindByNameAsync(LearnerAccount) is null)
        {
            var account = new UserAccount { UserName = LearnerAccount, DisplayName = LearnerAccount, CreatedAt = DateTime.UtcNow, LearnerId = enrollment.LearnerId };
            (await users.CreateAsync(account, LearnerPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Learner)).Succeeded.ShouldBeTrue();
        }
        browser.AddAccount(LearnerAccount, LearnerPassword);
    }
}
