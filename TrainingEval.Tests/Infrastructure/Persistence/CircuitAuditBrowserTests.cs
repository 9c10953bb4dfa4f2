using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// In a real circuit (headless Chromium, the demo mentor signed in through the sign-in form): a rating saved from the
/// mentor workspace is audited as the mentor, though neither the page nor the rating service names anyone.
/// </summary>
public sealed class CircuitAuditBrowserTests(BrowserFixture browser)
{
    private const string MentorAccount = "mentor";

    [Fact]
    public async Task A_rating_saved_from_the_workspace_is_audited_as_the_signed_in_mentor()
    {
        await using var mentor = await browser.OpenAsync("mentor", "en", user: MentorAccount);
        // The last mentee: the mentoring pages' own rating test rates the first one, possibly at the same time.
        var row = mentor.Page.GetByTestId("mentee-row").Last;
        var employeeNo = await row.GetAttributeAsync("data-employee") ?? throw new InvalidOperationException("The demo mentor has no mentee.");
        var before = await QueryAsync(db => db.MentorRatings.MaxAsync(r => (int?)r.Id, TestContext.Current.CancellationToken));

        await row.GetByTestId("rate-button").ClickAsync();
        await Expect(mentor.Page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
        foreach (var dimension in BuiltInIndicators.MentorDimensions)
            await mentor.Page.Locator($"[data-dimension={dimension}] input[type=radio]").Nth(2).DispatchEventAsync("click");
        await mentor.Page.GetByTestId("rating-save").ClickAsync();
        await Expect(mentor.Page.GetByTestId("rating-dialog")).ToHaveCountAsync(0);

        var saved = await QueryAsync(db => db.MentorRatings.AsNoTracking()
            .Where(r => r.Id > (before ?? 0) && r.Enrollment!.Learner!.EmployeeNumber == employeeNo)
            .Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync(TestContext.Current.CancellationToken));
        saved.Count.ShouldBe(BuiltInIndicators.MentorDimensions.Count);
        var actors = await QueryAsync(db => db.AuditTrail.AsNoTracking()
            .Where(a => a.EntityType == nameof(MentorRating) && saved.Contains(a.EntityKey))
            .Select(a => a.Actor)
            .ToListAsync(TestContext.Current.CancellationToken));
        actors.Count.ShouldBe(saved.Count);
        actors.ShouldAllBe(a => a == MentorAccount);
    }

    private async Task<T> QueryAsync<T>(Func<TrainingDbContext, Task<T>> query)
    {
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }
}
