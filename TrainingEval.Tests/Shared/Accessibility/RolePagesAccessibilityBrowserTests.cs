using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared.Accessibility;

/// <summary>The mentors', learners', trainers', executives' and administrators' own pages (issue 20).</summary>
public sealed class RolePagesAccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(AxeScan.Variants), MemberType = typeof(AxeScan))]
    public async Task The_mentors_learners_and_trainers_pages_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        var violations = new List<string>();
        var (trainedCohort, sessionId) = await TrainersSessionAsync();
        foreach (var (user, paths) in new[]
        {
            ("mentor", new[] { "mentor", "mentor/digest", "notifications", "account/notifications" }),
            ("learner", new[] { "me", "check-in" }),
            ("trainer", new[] { "teaching", $"cohorts/{trainedCohort}/sessions", $"sessions/{sessionId}/roster" }),
            ("executive", new[] { "account/notifications" }),
            ("admin", new[] { "admin/outbox" }),
        })
        {
            await using var session = await browser.OpenAsync(paths[0], culture, width, darkMode: darkMode, user: user);
            foreach (var path in paths)
            {
                await session.GoToAsync(new Uri(browser.BaseUri, path));
                violations.AddRange(await AxeScan.ScanAsync(session, $"{path} ({user})"));
            }
        }
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    /// <summary>A cohort the demo trainer teaches and one of its sessions (the demo makes both for the running cohorts).</summary>
    private async Task<(string Cohort, int SessionId)> TrainersSessionAsync()
    {
        await browser.EnsureStartedAsync();
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var trainer = await db.Users.Where(u => u.UserName == "trainer").Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
        var session = await db.Sessions.Where(s => db.CohortTrainers.Any(t => t.UserId == trainer && t.CohortId == s.CohortId))
            .OrderBy(s => s.Id).Select(s => new { s.Cohort!.Code, s.Id }).FirstAsync(TestContext.Current.CancellationToken);
        return (session.Code, session.Id);
    }
}
