using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Features.Learners;

/// <summary>
/// Issue 21 item 1: a tier slice of the overview lands on the learners list with <c>?tier=D</c> (and the overview's program and
/// dates): only the people with a score of that tier in those cohorts, said by a chip that clears the filter.
/// </summary>
public sealed class LearnersListTierFilterTests : LearnerPageTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override bool WithHealth => false;

    /// <summary>Gives <see cref="LearnerPageFixture.EmployeeNo"/> tier D in one of their cohorts and everyone else tier A; returns that cohort's start date.</summary>
    private async Task<DateOnly> OneLearnerInTierDAsync()
    {
        await using var db = Database.CreateContext();
        var scores = await db.LearnerScores.Include(s => s.Learner).Include(s => s.Cohort).ToListAsync(Ct);
        foreach (var score in scores)
            score.Tier = Tier.A;
        var mine = scores.Where(s => s.Learner!.EmployeeNumber == LearnerPageFixture.EmployeeNo).OrderBy(s => s.Cohort!.StartDate).First();
        mine.Tier = Tier.D;
        await db.SaveChangesAsync(Ct);
        return mine.Cohort!.StartDate;
    }

    private IRenderedComponent<LearnersList> RenderAt(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("learners?" + query);
        return Render<LearnersList>();
    }

    [Theory]
    [InlineData("en", "Tier: D · Needs improvement · cohorts of QC")]
    [InlineData("zh-CN", "分层：D（待提升） · QC 的班期")]
    public async Task Only_learners_with_that_tier_in_the_drilled_cohorts_are_listed_and_the_chip_clears_it(string culture, string chip)
    {
        await OneLearnerInTierDAsync();
        UseCulture(culture);
        var list = RenderAt("tier=D&program=QC");

        list.WaitForAssertion(() => list.FindAll("[data-testid=learner-link]").Count.ShouldBe(1));
        list.Find("[data-testid=learners-table] tbody td").TextContent.Trim().ShouldBe(LearnerPageFixture.EmployeeNo);
        list.Find("[data-testid=tier-filter-chip]").TextContent.Trim().ShouldBe(chip);

        list.Find("[data-testid=tier-filter-chip] button").Click();
        // The chip's handler navigates on the renderer's dispatcher; wait for it rather than read the address at once.
        list.WaitForAssertion(() =>
        {
            var uri = Services.GetRequiredService<NavigationManager>().Uri;
            uri.ShouldNotContain("tier=");
            uri.ShouldNotContain("program=");
        });
    }

    [Fact]
    public async Task The_tier_counts_only_in_cohorts_of_the_program_and_dates_it_came_with()
    {
        var start = await OneLearnerInTierDAsync();
        UseCulture("en");

        var otherProgram = RenderAt("tier=D&program=NONE");
        otherProgram.WaitForAssertion(() => otherProgram.Find("[data-testid=learners-empty]"));

        var after = start.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var later = RenderAt("tier=D&from=" + after);
        later.WaitForAssertion(() => later.Find("[data-testid=learners-empty]"));
        later.Find("[data-testid=tier-filter-chip]").TextContent.ShouldContain($"starting {after} – …");

        var all = RenderAt("tier=A");
        all.WaitForAssertion(() => all.FindAll("[data-testid=learner-link]").Count.ShouldBe(2));

        // Without a tier the program and dates are no filter of this list, and an unknown tier is ignored.
        var noTier = RenderAt("program=NONE&tier=Z");
        noTier.WaitForAssertion(() => noTier.FindAll("[data-testid=learner-link]").Count.ShouldBe(2));
        noTier.FindAll("[data-testid=tier-filter-chip]").ShouldBeEmpty();
    }
}
