using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Tests.Features.Learners;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>
/// Issue 14 item 16: the growth report's chart (page and PDF draw the same options) keeps its first cohort's slanted code
/// inside the chart and its first data label off the y axis' ticks: points sit between the ticks, with room on the left.
/// </summary>
public sealed class GrowthChartTests : LearnerPageTestBase
{
    protected override bool WithHealth => false;

    [Fact]
    public async Task The_growth_chart_places_its_points_between_the_ticks_with_slanted_codes_that_are_never_dropped()
    {
        var queries = new LearnerQueries(Database.Factory, TestUsers.AccessFor(Database.Factory, TestUsers.Analyst), Database.Clock);
        var view = await queries.GetVerticalViewAsync(LearnerPageFixture.EmployeeNo, Xunit.TestContext.Current.CancellationToken);
        var builder = new ReportChartBuilder(Services.GetRequiredService<IStringLocalizer<ReportStrings>>(), Services.GetRequiredService<IStringLocalizer<EvaluationStrings>>());

        var chart = builder.Growth(view!);

        chart.Options.XAxis!.TickPlacement.ShouldBe("between");
        var labels = chart.Options.XAxis.Labels!;
        (labels.RotateAlways, labels.HideOverlappingLabels, labels.Trim).ShouldBe(((bool?)true, (bool?)false, (bool?)false));
        chart.Options.Grid!.Padding!.Left.ShouldNotBeNull().ShouldBeGreaterThan(0);
        var json = System.Text.Json.JsonSerializer.Serialize(chart.Options, ChartJson.Options);
        json.ShouldContain("\"tickPlacement\":\"between\"");
    }
}
