using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Tests.Features.Learners;

/// <summary>
/// Issue 14 item 17: the learners list holds people who were ever enrolled in a cohort; employees who never were are shown
/// only with "include never enrolled" (off by default, <c>?all=true</c>).
/// </summary>
public sealed class LearnersListEnrolmentFilterTests : LearnerPageTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override bool WithHealth => false;

    private async Task AddNeverEnrolledAsync()
    {
        await using var db = Database.CreateContext();
        var department = await db.Departments.FirstAsync(Ct);
        db.Learners.Add(new Learner { EmployeeNumber = "E0099", Name = "王新", NameEn = "Xin Wang", Department = department, Position = "质检员", PositionEn = "Quality Inspector" });
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("en", "Xin Wang", "Include never enrolled")]
    [InlineData("zh-CN", "王新", "含从未参训的员工")]
    public async Task Employees_never_enrolled_are_left_out_until_asked_for(string culture, string name, string switchLabel)
    {
        await AddNeverEnrolledAsync();
        UseCulture(culture);
        var list = Render<LearnersList>();

        list.WaitForAssertion(() => list.FindAll("[data-testid=learner-link]").Count.ShouldBe(2));
        list.Find("[data-testid=learners-table]").TextContent.ShouldNotContain(name);
        list.Find("[data-testid=include-never-enrolled]").TextContent.ShouldContain(switchLabel);

        list.Find("[data-testid=include-never-enrolled] input").Change(true);

        list.WaitForAssertion(() => list.FindAll("[data-testid=learner-link]").Count.ShouldBe(3));
        list.Find("[data-testid=learners-table]").TextContent.ShouldContain(name);
        Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("all=true");
    }
}
